/// The style every page of the site carries inline, and the policies that keep pages from loading anything.
enum SiteStyle {
    /// A lesson page loads nothing: its figures are inline SVG (images in them are `data:` URLs), its
    /// style and script are inline.
    static let contentSecurityPolicy =
        "default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
    /// The gallery also shows each lesson's `thumbnail.png`, beside it in the output folder.
    static let galleryContentSecurityPolicy =
        "default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'"

    /// The CSS: readable text at any width, figures as wide as the column, tables scrolling inside
    /// themselves on narrow screens, visible keyboard focus.
    static let css = """
    :root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --accent: #0060a0; --panel: #f4f4f2; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 17px/1.55 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 50rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    main.gallery { max-width: 72rem; }
    a { color: var(--accent); }
    :focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.4rem 0 0.3rem; }
    h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; }
    .crumbs { font-size: 0.9rem; }
    .lesson-head { border-bottom: 1px solid var(--ink); padding-bottom: 0.6rem; margin-bottom: 1.2rem; }
    .subtitle { font-size: 1.1rem; color: var(--muted); margin: 0.2rem 0; }
    .meta, .downloads { font-size: 0.9rem; color: var(--muted); margin: 0.3rem 0; }
    sub, sup { line-height: 0; }
    code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
    .formula { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre; overflow-x: auto;
      text-align: center; margin: 1rem 0; padding: 0.2rem 0; }
    .phantom { visibility: hidden; }
    figure.figure { margin: 1.6rem 0; }
    .plot-box svg.plot, .plot-box img.plot { display: block; width: 100%; height: auto; }
    figcaption, .caption { font-size: 0.92rem; color: #333; margin-top: 0.5rem; }
    .label { font-weight: bold; }
    a.png { font-size: 0.85rem; }
    .scroll { overflow-x: auto; }
    .table-block .scroll { --wide: min(calc(100vw - 2.5rem), 66rem); width: var(--wide); margin-left: calc((100% - var(--wide)) / 2); }
    table.steps { border-collapse: collapse; margin: 0.4rem auto 1.2rem; font-size: 0.85rem; }
    table.steps th { font-weight: normal; border-top: 2px solid var(--ink); border-bottom: 1px solid var(--ink);
      padding: 0.25rem 0.6rem; text-align: left; white-space: nowrap; }
    table.steps th.num { text-align: right; }
    table.steps td { padding: 0.12rem 0.6rem; white-space: nowrap; }
    table.steps td.num { text-align: right; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    table.steps tbody tr:last-child td { border-bottom: 1px solid var(--ink); }
    table.steps tr.highlight td { background: #e4e4e4; }
    table.steps tr.ellipsis td { text-align: center; color: var(--muted); }
    .results { background: var(--panel); border: 1px solid var(--rule); padding: 0.6rem 1rem; margin: 1.5rem 0;
      overflow-wrap: anywhere; }
    .results h2 { margin: 0 0 0.4rem; font-size: 1.1rem; }
    .results dl { margin: 0; }
    .results dl div { margin: 0.35rem 0; }
    .results dt { display: inline; font-weight: bold; }
    .results dt::after { content: ": "; }
    .results dd { display: inline; margin: 0; }
    .files ul { padding-left: 1.2rem; overflow-wrap: anywhere; }
    .scrubber { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 0.6rem 0.8rem;
      margin-top: 0.4rem; font-size: 0.9rem; }
    .scrubber[hidden] { display: none; }
    .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; }
    .controls button { font: inherit; min-width: 2.6rem; min-height: 2.4rem; padding: 0.2rem 0.6rem; border: 1px solid #888;
      border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
    .controls button.play { min-width: 4.6rem; font-weight: bold; }
    .controls button[aria-pressed="true"] { background: var(--ink); color: #fff; }
    .controls .slider { flex: 1 1 12rem; display: flex; }
    .controls input[type=range] { width: 100%; min-height: 2.4rem; accent-color: var(--accent); }
    .controls output { min-width: 9rem; font-variant-numeric: tabular-nums; }
    .options { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; margin-top: 0.4rem; }
    .options select { font: inherit; max-width: 100%; }
    .options label { max-width: 100%; }
    .key { color: var(--muted); font-size: 0.82rem; margin: 0.5rem 0 0.2rem; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; }
    .key > span { white-space: nowrap; }
    .swatch { display: inline-block; width: 1.3em; height: 0.7em; margin-right: 0.3em; vertical-align: middle; }
    .swatch.path { border-top: 3px solid #444; height: 0; }
    .swatch.point { width: 0.75em; height: 0.75em; border-radius: 50%; background: #444; border: 2px solid #fff;
      box-shadow: 0 0 0 1px #444; }
    .swatch.gradient { border-top: 3px solid #000; height: 0; }
    .swatch.next { border-top: 3px dashed #444; height: 0; }
    .thinned { font-size: 0.82rem; color: var(--muted); margin: 0.2rem 0; }
    .readout { margin-top: 0.5rem; }
    .readout h3 { font-size: 0.95rem; margin: 0.5rem 0 0.3rem; }
    .readout p { margin: 0.25rem 0; }
    .readout table { border-collapse: collapse; font-size: 0.85rem; }
    .readout th, .readout td { padding: 0.1rem 0 0.1rem 1.2rem; text-align: right; white-space: nowrap; }
    .readout th:first-child, .readout td:first-child { text-align: left; padding-left: 0; }
    .readout th { font-weight: normal; color: var(--muted); border-bottom: 1px solid var(--rule); white-space: normal;
      vertical-align: bottom; }
    .readout .n { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    .readout .rule { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.82rem; white-space: pre-wrap;
      overflow-wrap: anywhere; padding-left: 2em; text-indent: -2em; margin: 0.15rem 0; }
    .readout .rule-for { font-size: 0.8rem; font-weight: bold; color: var(--muted); margin-top: 0.35rem; }
    .readout .note { color: var(--muted); font-size: 0.82rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: 1.2rem; }
    .card { border: 1px solid var(--rule); border-radius: 6px; padding: 0.8rem 1rem; }
    .card h2 { margin: 0.5rem 0 0.2rem; font-size: 1.15rem; }
    .card .subtitle { font-size: 0.95rem; }
    .card img { display: block; width: 100%; height: 12rem; object-fit: contain; background: #fff; }
    .card .question { margin: 0.6rem 0; padding-left: 0.8rem; border-left: 3px solid var(--rule); font-style: italic;
      color: #333; font-size: 0.95rem; }
    .card .question p { margin: 0; }
    .card .links { font-size: 0.9rem; margin-bottom: 0; }
    .card .links code { white-space: nowrap; }
    @media (max-width: 34rem) {
      body { font-size: 16px; }
      main { padding: 0.6rem 0.8rem 2rem; }
      h1 { font-size: 1.5rem; }
      .controls output { min-width: 0; flex: 1 1 100%; }
      .plot-box { margin: 0 -0.6rem; }
      .readout th, .readout td { padding-left: 0.7rem; }
    }
    """
}
