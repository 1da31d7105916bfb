namespace SimHarness.Tracing.Timeline;

/// <summary>The page's inline stylesheet and script: the file must stand alone, with no external URL.</summary>
internal static class TimelineStyle
{
    /// <summary>The stylesheet.</summary>
    public const string Css = """
        body { margin: 0; font: 13px system-ui, sans-serif; color: #1f2933; background: #fff; }
        header { padding: 12px 16px 8px; }
        h1 { font-size: 18px; margin: 0 0 4px; }
        .meta { color: #52606d; }
        .banner { margin: 8px 0 0; padding: 6px 10px; border-left: 4px solid #c81e1e; background: #fde8e8; }
        .banner b { color: #c81e1e; }
        .ok { margin: 8px 0 0; padding: 6px 10px; border-left: 4px solid #0e9f6e; background: #def7ec; }
        .legend { margin-top: 6px; color: #52606d; }
        .legend span { margin-right: 14px; white-space: nowrap; }
        .swatch { display: inline-block; width: 22px; height: 0; border-top: 2px solid; vertical-align: middle; margin-right: 4px; }
        .swatch.wake { border-color: #d97706; }
        .swatch.message { border-color: #2563eb; }
        .swatch.switch { border-color: #7c3aed; border-top-style: dashed; }
        .lanes { position: sticky; top: 0; z-index: 2; display: flex; background: #f5f7fa; border-bottom: 1px solid #cbd2d9; }
        .lanes > div { flex: none; box-sizing: border-box; padding: 4px 6px; border-left: 1px solid #cbd2d9; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
        .lanes .axis { border-left: none; color: #52606d; }
        .lane b { display: block; overflow: hidden; text-overflow: ellipsis; }
        .lane small { color: #7b8794; }
        .lane.greenlet { background: #f3effe; }
        .lane.selected { background: #fff3c4; }
        svg.chart { display: block; font: 11px system-ui, sans-serif; }
        .sep { stroke: #e4e7eb; }
        .timerule { stroke: #9aa5b1; stroke-dasharray: 2 3; }
        .stepno { fill: #9aa5b1; }
        .time { fill: #323f4b; font-weight: 600; }
        .lifeline { stroke: #cbd2d9; stroke-width: 2; }
        .forever { stroke: #c81e1e; stroke-width: 2; stroke-dasharray: 4 4; }
        .forever-label { fill: #c81e1e; }
        .step rect { fill: #fff; stroke: #9aa5b1; }
        .step text { fill: #1f2933; }
        .step.out rect { fill: #e3f8ec; stroke: #31c48d; }
        .step.blocked rect { fill: #fdf6b2; stroke: #c27803; }
        .step.woken rect { fill: #e1effe; stroke: #76a9fa; }
        .step.life rect { fill: #f5f7fa; stroke: #cbd2d9; }
        .step.life text { fill: #52606d; }
        .step.implicated rect { stroke: #c81e1e; stroke-width: 2; }
        .step.violation rect { fill: #fbd5d5; stroke: #c81e1e; stroke-width: 3; }
        .step.violation text.violation-label { fill: #c81e1e; font-weight: 700; }
        .tick line { stroke: #52606d; stroke-dasharray: 6 3; }
        .tick text { fill: #52606d; font-style: italic; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
        .arrow { fill: none; stroke-width: 1.6; opacity: .85; }
        .arrow.wake { stroke: #d97706; }
        .arrow.message { stroke: #2563eb; }
        .arrow.switch { stroke: #7c3aed; stroke-dasharray: 5 3; }
        .head.wake { fill: #d97706; }
        .head.message { fill: #2563eb; }
        .head.switch { fill: #7c3aed; }
        .arrow.hot { stroke-width: 3.5; opacity: 1; }
        .step.hot rect { stroke-width: 3; }
        .dim { opacity: .25; }
        """;

    /// <summary>The script: hovering a step highlights its arrows; clicking a lane header dims the other lanes. It also
    /// records on <c>body</c> how many lane headers are laid out visibly, so a headless browser can check the rendering.</summary>
    public const string Script = """
        (function () {
          var q = function (s) { return Array.prototype.slice.call(document.querySelectorAll(s)); };
          q('.step').forEach(function (g) {
            var i = g.getAttribute('data-step');
            var arrows = q('.arrow[data-from="' + i + '"], .arrow[data-to="' + i + '"]');
            g.addEventListener('mouseenter', function () { g.classList.add('hot'); arrows.forEach(function (a) { a.classList.add('hot'); }); });
            g.addEventListener('mouseleave', function () { g.classList.remove('hot'); arrows.forEach(function (a) { a.classList.remove('hot'); }); });
          });
          q('.lane').forEach(function (h) {
            h.addEventListener('click', function () {
              var lane = h.getAttribute('data-lane'), on = !h.classList.contains('selected');
              q('.lane').forEach(function (x) { x.classList.toggle('selected', on && x === h); });
              q('.step').forEach(function (g) { g.classList.toggle('dim', on && g.getAttribute('data-in-lane') !== lane); });
            });
          });
          var shown = function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
          document.body.setAttribute('data-visible-lanes', String(q('.lane[data-lane]').filter(shown).length));
          document.body.setAttribute('data-visible-violations', String(q('[data-violation]').filter(shown).length));
        })();
        """;
}
