package io.macexo.exoetl.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Hub settings the way the official clients do, from an environment given as a map (the
 * real one in production, a fixed one in tests). Token: {@code HF_TOKEN}, then {@code
 * HUGGING_FACE_HUB_TOKEN}, then the token file {@code HF_TOKEN_PATH}, else {@code $HF_HOME/token}
 * with {@code HF_HOME} defaulting to {@code $XDG_CACHE_HOME/huggingface} or {@code
 * ~/.cache/huggingface}. Endpoint: {@code HF_ENDPOINT}, default {@value #DEFAULT_ENDPOINT}.
 */
public final class HubEnvironment {
  public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

  private final Map<String, String> env;

  public HubEnvironment(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The process environment. */
  public static HubEnvironment system() {
    return new HubEnvironment(System.getenv());
  }

  /** The token, or empty when none is configured (every source unset, blank or absent). */
  public Optional<HubToken> token() {
    Optional<HubToken> fromEnv = HubToken.of(env.get("HF_TOKEN"));
    if (fromEnv.isPresent()) {
      return fromEnv;
    }
    fromEnv = HubToken.of(env.get("HUGGING_FACE_HUB_TOKEN"));
    if (fromEnv.isPresent()) {
      return fromEnv;
    }
    Path file = tokenPath();
    try {
      return HubToken.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw HubException.local("read the token file " + file, e);
    }
  }

  /** Where the token file is looked for. */
  public Path tokenPath() {
    String explicit = value("HF_TOKEN_PATH");
    if (explicit != null) {
      return Path.of(explicit);
    }
    return huggingfaceHome().resolve("token");
  }

  /** The Hub's base URL, without a trailing slash. */
  public URI endpoint() {
    String text = value("HF_ENDPOINT");
    String endpoint = text == null ? DEFAULT_ENDPOINT : text.replaceAll("/+$", "");
    try {
      URI uri = URI.create(endpoint);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw HubException.local("use HF_ENDPOINT=" + endpoint, "not an http(s) URL");
    }
  }

  private Path huggingfaceHome() {
    String home = value("HF_HOME");
    if (home != null) {
      return Path.of(home);
    }
    String cache = value("XDG_CACHE_HOME");
    if (cache != null) {
      return Path.of(cache, "huggingface");
    }
    String userHome = value("HOME");
    return Path.of(
        userHome != null ? userHome : System.getProperty("user.home"), ".cache", "huggingface");
  }

  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
