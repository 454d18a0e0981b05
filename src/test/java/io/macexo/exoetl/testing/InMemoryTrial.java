package io.macexo.exoetl.testing;

import io.macexo.exoetl.assemble.TrialMerger;
import io.macexo.exoetl.assemble.TrialOutcome;
import io.macexo.exoetl.config.EtlConfig;
import io.macexo.exoetl.config.NanPolicy;
import io.macexo.exoetl.model.FeatureGroup;
import io.macexo.exoetl.model.Selection;
import io.macexo.exoetl.model.TrialId;
import io.macexo.exoetl.read.CsvLineReader;
import io.macexo.exoetl.read.FileTask;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reads, checks and joins one trial from its files' bytes the way a prepare task does (the same
 * file tasks, reader and merger), without Spark or a file system: fast enough for thousands of fuzz
 * cases.
 */
public final class InMemoryTrial {
  private InMemoryTrial() {}

  /** The outcome of a trial whose files, in selection group order, hold {@code files}. */
  public static TrialOutcome merge(TrialId id, List<byte[]> files, EtlConfig config)
      throws IOException {
    return merge(id, files, config, null);
  }

  /**
   * Like {@link #merge(TrialId, List, EtlConfig)}, each file handed out in random small pieces when
   * {@code chunks} is given, so records start and end at every read boundary.
   */
  public static TrialOutcome merge(TrialId id, List<byte[]> files, EtlConfig config, Random chunks)
      throws IOException {
    Selection selection = config.selection();
    List<CsvLineReader> readers = new ArrayList<>();
    try {
      for (int group = 0; group < selection.size(); group++) {
        FeatureGroup kind = selection.group(group);
        FileTask task =
            new FileTask(
                id.participant(),
                id.trial(),
                group,
                kind.file(),
                kind.fileName(id.participant(), id.trial()),
                selection.timeColumn(),
                kind.features());
        InputStream in =
            chunks == null
                ? new ByteArrayInputStream(files.get(group))
                : chunked(files.get(group), chunks);
        readers.add(new CsvLineReader(task, config.samplingRateHz(), in));
      }
      boolean rejectNan = config.nanPolicy() == NanPolicy.REJECT;
      return new TrialMerger(config.samplingRateHz(), rejectNan).merge(id, readers);
    } finally {
      for (CsvLineReader reader : readers) {
        reader.close();
      }
    }
  }

  /**
   * A stream that hands out 1 to 7 bytes, up to a few lines, up to 70 KB, or up to and including
   * one of the next three CRs or quotes per read: so a record ends, a CRLF breaks or a quote pair
   * splits at the end of a read, after a whole record or inside one, as often as elsewhere.
   */
  private static InputStream chunked(byte[] bytes, Random random) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        int size =
            switch (random.nextInt(4)) {
              case 0 -> 1 + random.nextInt(7);
              case 1 -> 1 + random.nextInt(600);
              case 2 -> throughCrsOrQuotes(1 + random.nextInt(3));
              default -> 1 + random.nextInt(70_000);
            };
        return super.read(b, off, Math.min(len, size));
      }

      /** Bytes up to and including the {@code n}th CR or quote from here. */
      private int throughCrsOrQuotes(int n) {
        int end = pos;
        for (int seen = 0; end < count && seen < n; end++) {
          seen += buf[end] == '\r' || buf[end] == '"' ? 1 : 0;
        }
        return Math.max(1, end - pos);
      }
    };
  }
}
