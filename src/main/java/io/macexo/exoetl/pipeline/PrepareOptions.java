package io.macexo.exoetl.pipeline;

import io.macexo.exoetl.config.ConfigException;
import io.macexo.exoetl.config.EtlConfig;
import java.util.List;

/**
 * What a prepare run reads, where it writes, which participants, and how it decides what to redo.
 *
 * <p>Input and output must not carry credentials ({@code s3a://KEY:SECRET@bucket/}): S3A refuses
 * them, but only after Hadoop has logged the whole URI, and the run would record it in
 * metadata.json. Keys come from the Hadoop settings or the environment instead (docs/cluster.md).
 *
 * @param full re-process every participant, ignoring the manifest
 * @param verifyContent also hash input file contents to detect changes (reads every input byte)
 * @param prune remove from the output the participants whose folders are gone from the input
 *     (without it they are kept: an unmounted volume or a mistyped prefix must not empty a dataset)
 */
public record PrepareOptions(
    String input,
    String output,
    List<String> participants,
    EtlConfig config,
    boolean full,
    boolean verifyContent,
    boolean prune) {
  public PrepareOptions {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("input is required");
    }
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("output is required");
    }
    rejectCredentials(input, "--input");
    rejectCredentials(output, "--output");
    participants = List.copyOf(participants);
  }

  /** A run that keeps participants gone from the input. */
  public PrepareOptions(
      String input,
      String output,
      List<String> participants,
      EtlConfig config,
      boolean full,
      boolean verifyContent) {
    this(input, output, participants, config, full, verifyContent, false);
  }

  /** A run with the defaults: incremental, change detection by size and modification time. */
  public PrepareOptions(String input, String output, List<String> participants, EtlConfig config) {
    this(input, output, participants, config, false, false, false);
  }

  /** The same run, removing (or keeping) participants gone from the input. */
  public PrepareOptions withPrune(boolean remove) {
    return new PrepareOptions(input, output, participants, config, full, verifyContent, remove);
  }

  /** Fails when the authority of {@code uri} has user information; the message leaves it out. */
  private static void rejectCredentials(String uri, String flag) {
    int schemeEnd = uri.indexOf("://");
    if (schemeEnd < 0) {
      return;
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = uri.indexOf('/', authorityStart);
    String authority =
        authorityEnd < 0
            ? uri.substring(authorityStart)
            : uri.substring(authorityStart, authorityEnd);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String shown =
          uri.substring(0, authorityStart)
              + authority.substring(at + 1)
              + (authorityEnd < 0 ? "" : uri.substring(authorityEnd));
      throw new ConfigException(
          flag,
          "credentials in the URI are not accepted (in "
              + shown
              + "); set fs.s3a.access.key and fs.s3a.secret.key, or AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, instead");
    }
  }
}
