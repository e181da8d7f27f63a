/// The one stylesheet, compiled into the binary (the Content-Security-Policy allows no inline style).
/// Phone first: readable at 360 px, touch targets of at least 44 px, no web fonts (nothing from another origin),
/// text at 4.5:1 or more against its background and a focus ring at 3:1 or more against what surrounds it.
enum Style {
    /// The union's red, and the paper the pages sit on.
    static let brand = "#8a1414", paper = "#f6f4f1"

    /// The home-screen icon of a unit's web app (SVG: every size from one file).
    static let icon = StaticAssets.Asset(contentType: "image/svg+xml", bytes: Array("""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 192 192"><rect width="192" height="192" rx="36" \
        fill="#8a1414"/><path d="M46 80h28l42-30v92l-42-30H46z" fill="#fff"/><path d="M132 70q18 26 0 52" \
        stroke="#fff" stroke-width="10" fill="none" stroke-linecap="round"/></svg>
        """.utf8))

    static let css = """
    *,*::before,*::after{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;
    font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;
      color:#1c1c1c;background:#f6f4f1}
    a{color:#8a1414}
    .skip{position:absolute;left:-999px;display:inline-flex;align-items:center;min-height:44px}
    .skip:focus{left:8px;top:8px;background:#fff;padding:0 12px;z-index:2}
    header.top{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;padding:8px 12px;background:#8a1414;
    color:#fff}
    header.top a,header.top .who,header.top button.link{color:#fff}
    .brand{font-weight:700;letter-spacing:.04em;margin-right:auto}
    nav{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
    nav a,nav button.link{min-height:44px;display:inline-flex;align-items:center}
    main{max-width:42rem;margin:0 auto;padding:12px}
    footer{max-width:42rem;margin:16px auto;padding:0 12px 24px;color:#555;font-size:14px}
    h1{font-size:1.4rem;line-height:1.25;margin:.4em 0}
    h2{font-size:1.15rem;margin:1.2em 0 .4em}
    .card{background:#fff;border:1px solid #e2ddd6;border-radius:10px;padding:12px 14px;margin:12px 0}
    .state{font-weight:600}.state.late,.state.missing{color:#a40000}.state.ok{color:#1b6b2a}
    .button,button{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:0 18px;
      border-radius:8px;border:1px solid #8a1414;background:#8a1414;color:#fff;font:inherit;font-weight:600;
      text-decoration:none;cursor:pointer}
    .button.secondary,button.secondary{background:#fff;color:#8a1414}
    button.link{background:none;border:0;padding:0;min-height:0;font-weight:400;text-decoration:underline}
    header.top button.link{min-height:44px;min-width:44px}
    form.inline{display:inline}
    .actions{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
    fieldset{border:1px solid #e2ddd6;border-radius:10px;background:#fff;margin:12px 0;padding:8px 12px 12px}
    legend{font-weight:700;padding:0 4px}
    .field{margin:10px 0}.field label{display:block;font-weight:600;margin-bottom:4px}
    .field small,p.hint{display:block;color:#555;margin:0 0 4px}
    .default-action{position:absolute;width:1px;height:1px;min-height:0;padding:0;margin:-1px;overflow:hidden;
      clip-path:inset(50%);white-space:nowrap;border:0}
    .card h2{font-size:1.05rem;margin:.2em 0 .4em}
    body.unit main a{display:inline-flex;align-items:center;min-height:44px;min-width:44px}
    body.unit main ul.errors li,body.unit main ul.plain li{min-height:44px}
    ul.receipts li{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:4px 12px}
    input[type=text],input[type=date],input[type=number],input[type=password],input[type=file],select,textarea{
      width:100%;min-height:48px;padding:8px 10px;font:inherit;border:1px solid #9a948c;border-radius:8px;
      background:#fff}
    textarea{min-height:96px}
    input:focus,select:focus,textarea:focus,button:focus,a:focus,summary:focus{outline:3px solid #1d4ed8;
      outline-offset:2px}
    header.top a:focus,header.top button:focus{outline-color:#fff}
    label.check{display:flex;gap:10px;align-items:flex-start;min-height:44px;padding:6px 0;font-weight:400}
    label.check input{width:24px;height:24px;flex:none;margin:2px 0 0}
    details{margin:8px 0}summary{min-height:44px;display:flex;align-items:center;cursor:pointer;font-weight:600}
    .invalid input,.invalid select,.invalid textarea{border:2px solid #a40000}
    .error{color:#a40000;font-weight:600;margin:4px 0}
    .notice{padding:10px 12px;border-radius:8px;margin:12px 0}
    .notice.ok{background:#e6f4ea;border:1px solid #7bb38a}.notice.error{background:#fdeaea;border:1px solid #d48080}
    .notice.info{background:#eef2fb;border:1px solid #9aaad0}
    ul.plain{list-style:none;padding:0;margin:0}ul.plain li{padding:8px 0;border-bottom:1px solid #eee}
    .muted{color:#555}
    article{background:#fff;border:1px solid #e2ddd6;border-radius:10px;padding:12px 14px;margin:12px 0}
    article img{max-width:100%;height:auto}
    article.preview img{max-height:18rem;width:auto}
    @media screen and (min-width:64rem){.editor{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);
    gap:24px;align-items:start}.editor>.preview-pane{grid-column:2;grid-row:1;position:sticky;top:12px}}
    table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:6px 8px;
    text-align:left}
    .qr svg{width:160px;height:160px}
    @media print{header.top,nav,.actions,footer{display:none}body{background:#fff}}
    main:has(> .desk){max-width:82rem}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));gap:0 14px;align-items:start}
    .cards .card h2{margin-top:.2em;font-size:1.05rem}
    .scroll{overflow-x:auto;margin:12px 0}
    table.grid{font-size:14px;min-width:50rem}
    table.grid th,table.grid td{vertical-align:top;padding:4px 6px}
    table.grid thead th{background:#f0ebe4}
    table.grid tbody th{font-weight:600;background:#faf8f5;min-width:6.5rem}
    table.grid tr.weekend>th{color:#8a1414}
    table.grid tr.noslot td,table.grid td.none{background:#f4f1ec}
    table.grid td.published{background:#eef6ef}
    table.grid ul{list-style:none;margin:0;padding:0}
    table.grid li.entry{margin:0 0 4px}
    .observance{font-size:12px;font-weight:600;color:#7a4d00}.observance.round{color:#8a1414}
    .free{margin:2px 0;font-size:12px;color:#555}.free.empty{color:#a40000;font-weight:600}
    .badge{display:inline-block;font-size:12px;line-height:1.5;padding:0 7px;border-radius:9px;border:1px solid #bbb;
      background:#f3f3f3;color:#333;white-space:nowrap;font-weight:600}
    .badge.proposed,.badge.review,.badge.pending{background:#fff5d6;border-color:#d9aa2e}
    .badge.confirmed,.badge.approved,.badge.item{background:#e6eefb;border-color:#7a9fd0}
    .badge.published,.badge.ok{background:#e6f4ea;border-color:#7bb38a}
    .badge.late{background:#fbefe2;border-color:#d49a5a}
    .badge.missing,.badge.empty,.badge.issue{background:#fdeaea;border-color:#d48080}
    .badge.archived,.badge.none,.badge.draft{color:#555}
    .legend{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
    .pager{display:flex;justify-content:space-between;gap:12px}
    a.small{font-size:13px}
    td.state{text-align:center;white-space:nowrap}
    td.state.ok{color:#1b6b2a}td.state.late{color:#8a5a00;background:#fbefe2}
    td.state.missing{color:#a40000;font-weight:700;background:#fdeaea}
    td.state.pending{color:#555}td.state.none{color:#666}
    tr.totals th,tr.totals td{background:#f0ebe4;font-weight:600}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    form.filters,form.row{display:flex;flex-wrap:wrap;gap:0 12px;align-items:flex-end}
    /* pager of long lists of units (issue 26) */
    nav.pager{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0}
    nav.pager a{display:inline-block;padding:8px 4px;min-height:44px;line-height:28px}
    ul.columns{columns:18rem auto}
    form.filters .field,form.row .field{flex:1 1 11rem;margin:4px 0}
    form.filters .actions,form.row .actions{margin:4px 0;align-items:center}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;background:#fff;border:1px solid #e2ddd6;
      border-radius:10px;padding:10px 14px;margin:12px 0}
    dl.facts dt{font-weight:600}dl.facts dd{margin:0}dl.facts ul{margin:0;padding-left:1.1em}
    dl.facts li{margin:0 0 6px}
    @media screen and (max-width:40rem){dl.facts{grid-template-columns:1fr}dl.facts dd{margin:0 0 10px}}
    .pre{white-space:pre-wrap}
    code.link{word-break:break-all;font-size:13px}
    article.preview,article.issue{font-family:"Liberation Serif","Times New Roman",serif;font-size:18px}
    .lead{font-weight:700}.byline{text-align:right;font-style:italic}
    table.list td{vertical-align:top}
    .results li p{margin:4px 0 0}
    .document{background:#fff;border:1px solid #e2ddd6;padding:18px 22px;margin:12px 0;color:#111;font-size:17px;
      line-height:1.45;font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif}
    .document .head{display:flex;flex-wrap:wrap;gap:10px;text-align:center;font-size:15px;line-height:1.3}
    .document .head>div{flex:1 1 14rem}
    .document .issuer,.document .motto{font-weight:700}
    .document .rule{display:block;width:35%;margin:2px auto 4px;border-top:1px solid #111}
    .document .rule.wide{width:55%}
    .document .date{text-align:right;font-style:italic}
    .document h2.title{text-align:center;font-size:1.2rem;margin:18px 0 2px}
    .document .subtitle{text-align:center;font-weight:700;margin:0 0 18px}
    .document h3.section{font-size:1.05rem;margin:16px 0 6px}
    .document h4{font-style:italic;margin:12px 0 4px}
    .document p{text-align:justify;margin:4px 0}
    .document table.data{font-size:15px;margin:6px 0 10px}.document table.data th{background:#eee}
    .document table.data td.num{text-align:right;font-variant-numeric:tabular-nums}
    .document figure{margin:8px 0 12px;text-align:center}.document figure svg{max-width:100%;height:auto}
    .document figcaption{font-size:14px;font-style:italic}
    .document .foot{display:flex;flex-wrap:wrap;justify-content:space-between;gap:12px;margin-top:24px}
    .document .to{font-size:14px}.document .to ul{list-style:none;padding:0;margin:0}
    .document .sign{text-align:center;font-weight:700;min-width:14rem}.document .sign .space{height:22mm}
    @media screen and (max-width:40rem){
      table.grid,table.grid tbody,table.grid tr,table.grid th,table.grid td{display:block}
      table.grid{min-width:0;border:0;background:none}table.grid thead,table.grid td.none{display:none}
      table.grid tr{background:#fff;border:1px solid #e2ddd6;border-radius:10px;margin:0 0 8px;overflow:hidden}
      table.grid tr.noslot:not(.marked){display:none}table.grid td{border:0;border-top:1px solid #eee}
      table.grid td.slot::before{content:attr(data-channel);display:block;font-size:12px;font-weight:700;color:#555}}
    /* ── the calendar's month grid (CalendarPage) and the pages that ask before publishing: weeks × days,
       Monday first; each entry's state is a coloured edge and a word; on a phone the grid becomes a list ── */
    table.month{table-layout:fixed;width:100%;min-width:56rem;font-size:13px;border-collapse:collapse;background:#fff}
    table.month th,table.month td{border:1px solid #e2ddd6;vertical-align:top;padding:4px}
    table.month thead th{background:#f0ebe4}
    table.month td.out{background:#f4f1ec}table.month td.noslot{background:#faf8f5}
    table.month td.weekend .date{color:#8a1414}table.month td.today{outline:3px solid #1d4ed8;outline-offset:-3px}
    table.month .date{margin:0 0 2px;font-weight:700}table.month .date .wd{display:none}
    table.month .slot{border-top:1px solid #eee;padding:3px 0 2px;margin-top:3px}
    table.month .slot.published{background:#eef6ef}
    table.month .channel{margin:0;font-size:12px;font-weight:700;color:#444}
    table.month ul{list-style:none;margin:0;padding:0}
    table.month li.entry{margin:2px 0 4px;padding-left:6px;border-left:4px solid #bbb;overflow-wrap:anywhere}
    table.month li.entry.proposed{border-left-color:#d9aa2e}table.month li.entry.confirmed{border-left-color:#4a78b8}
    table.month li.entry.published{border-left-color:#5a9a6a}
    table.month details.entry-actions{margin:2px 0}
    table.month details.entry-actions summary{min-height:32px;font-size:12px}
    table.month form{margin:2px 0}table.month form.move{display:flex;flex-wrap:wrap;gap:4px;align-items:center}
    table.month select{max-width:100%;font-size:12px}table.month label{font-size:12px}
    table.month button{font-size:12px;padding:4px 8px;min-height:32px}
    table.month .overdue{margin:2px 0;font-size:12px;color:#8a1414}
    .badge.overdue{background:#fdeaea;border-color:#a40000;color:#8a1414}
    ul.units{columns:3 14rem}table.deliveries td.delivery{white-space:nowrap}
    @media screen and (max-width:40rem){
      table.month,table.month tbody,table.month tr,table.month td{display:block;min-width:0;width:auto}
      table.month thead,table.month td.out,table.month td.noslot:not(.marked){display:none}
      table.month{border:0;background:none}
      table.month td{border:1px solid #e2ddd6;border-radius:10px;background:#fff;margin:0 0 8px;padding:8px}
      table.month .date .wd{display:inline}table.month button,table.month summary{min-height:44px}}
    /* ── end of the calendar's month grid ── */
    @media print{@page{size:A4;margin:18mm 15mm 18mm 25mm}main,main:has(> .desk){max-width:none;padding:0}
      .noprint,form,.skip,.notice.info{display:none}.card,dl.facts,.document{border:0;padding:0}
      .scroll{overflow:visible}table.grid{min-width:0;font-size:9pt}h2,h3,h4{break-after:avoid}
      .document{font-size:13pt}article.issue{break-inside:avoid-page}a{color:inherit;text-decoration:none}}
    .notice.warning{background:#fff4e0;border:1px solid #c99a3c}
    .linkcard .qr svg{width:42mm;height:42mm}.linkcard .url{font-family:monospace;font-size:13px;word-break:break-all}
    @media print{.cardsheet .linkcard{border:1px dashed #777;padding:4mm;width:90mm;break-inside:avoid}}
    """
}
