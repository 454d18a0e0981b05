package io.macexo.exoetl.report;

/** The report's stylesheet, inline so the page needs nothing else; system fonts only. */
final class ReportStyle {
  static final String CSS =
      """
      :root{color-scheme:light}
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;
        margin:0;background:#fafafa}
      header{padding:18px 32px 6px;background:#fff;border-bottom:1px solid #e5e5e5}
      h1{font-size:22px;margin:0 0 6px}
      h2{font-size:18px;margin:0 0 10px;border-bottom:1px solid #eee;padding-bottom:4px}
      h3{font-size:15px;margin:16px 0 6px}
      dl.run{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px}
      dl.run dt{color:#666}
      dl.run dd{margin:0;overflow-wrap:anywhere}
      nav{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #e5e5e5;
        padding:6px 32px}
      nav a{margin-right:16px;color:#0072B2;text-decoration:none}
      main{padding:8px 32px 24px;max-width:1200px}
      section{background:#fff;border:1px solid #e5e5e5;border-radius:6px;padding:14px 18px;
        margin:14px 0}
      .cards{display:flex;flex-wrap:wrap;gap:10px}
      .card{border:1px solid #e5e5e5;border-radius:6px;padding:8px 14px;min-width:120px}
      .card .value{font-size:22px;font-weight:600}
      .card .label{color:#666}
      .card.bad .value{color:#D55E00}
      table{border-collapse:collapse;margin:6px 0 10px}
      th,td{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:middle}
      th{background:#f4f4f4;font-weight:600}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      table.rejects td:last-child{overflow-wrap:anywhere;max-width:640px}
      tr.flagged td{background:#fff3ec}
      table.settings td:last-child{overflow-wrap:anywhere;max-width:760px}
      details summary{cursor:pointer;color:#0072B2;margin:4px 0}
      code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
      svg.chart{display:block;max-width:100%;height:auto;font-size:11px;fill:#333}
      td svg.chart,th svg.chart{display:inline-block;vertical-align:middle}
      .note{color:#666;font-style:italic}
      footer{padding:12px 32px;color:#888}
      """;

  private ReportStyle() {}
}
