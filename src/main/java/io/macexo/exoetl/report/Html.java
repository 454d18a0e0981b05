package io.macexo.exoetl.report;

import java.util.List;

/**
 * HTML text helpers for the run report. Every string that comes from data (trial names, reject
 * sentences, Spark settings, feature names) goes through {@link #escape} before it reaches the
 * page, in element text and in attribute values alike, so a trial folder named {@code <script>}
 * stays text.
 */
final class Html {
  private Html() {}

  /** Escapes the five characters that matter in HTML text and quoted attributes. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** An element with escaped text content. */
  static String text(String tag, String text) {
    return "<" + tag + ">" + escape(text) + "</" + tag + ">";
  }

  /**
   * A table. Header cells are escaped; body cells are already HTML (callers escape data with {@link
   * #escape}), so a cell may hold a glyph or a code tag.
   */
  static String table(String cssClass, List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder("<table class=\"" + escape(cssClass) + "\"><thead><tr>");
    header.forEach(cell -> out.append(text("th", cell)));
    out.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      out.append("<tr>");
      row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
      out.append("</tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  /** A section with an anchor, a heading and a body that is already HTML. */
  static String section(String id, String title, String body) {
    return "<section id=\"" + escape(id) + "\">" + text("h2", title) + body + "</section>\n";
  }

  /** A paragraph of escaped text. */
  static String paragraph(String text) {
    return text("p", text);
  }

  /** A muted note, e.g. "statistics not available". */
  static String note(String text) {
    return "<p class=\"note\">" + escape(text) + "</p>";
  }
}
