/// The one stylesheet, compiled into the binary (the Content-Security-Policy allows no inline style).
/// Phone first: readable at 360 px, large touch targets, no web fonts (nothing from another origin).
enum Style {
    static let css = """
    *,*::before,*::after{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;
      color:#1c1c1c;background:#f6f4f1}
    a{color:#8a1414}
    .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}
    header.top{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;padding:8px 12px;background:#8a1414;color:#fff}
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
    form.inline{display:inline}
    .actions{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
    fieldset{border:1px solid #e2ddd6;border-radius:10px;background:#fff;margin:12px 0;padding:8px 12px 12px}
    legend{font-weight:700;padding:0 4px}
    .field{margin:10px 0}.field label{display:block;font-weight:600;margin-bottom:4px}
    .field small{display:block;color:#555;margin-bottom:4px}
    input[type=text],input[type=date],input[type=number],input[type=password],input[type=file],select,textarea{
      width:100%;min-height:48px;padding:8px 10px;font:inherit;border:1px solid #9a948c;border-radius:8px;background:#fff}
    textarea{min-height:96px}
    input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid #f2b705;outline-offset:1px}
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
    table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:6px 8px;text-align:left}
    .qr svg{width:160px;height:160px}
    @media print{header.top,nav,.actions,footer{display:none}body{background:#fff}}
    """
}
