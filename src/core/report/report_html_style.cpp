// report_html_style.cpp — the HTML report's style sheet and script (report_html_detail.h).
//
// Style: system fonts only (a sans-serif stack for the page, the system serif for the
// article and claim texts), dark ink on white, one accent colour for links. Marks are a
// light tint of the label's colour with an underline in the full colour; nested marks move
// their underline lower, so a hedge inside a claim shows both lines. The underline's style
// also tells the labels apart without colour (claim solid, hedge dotted, caveat dashed,
// evidence double). Print: no controls or navigation, rows and list items kept whole, the
// table header repeated, the tints printed.
//
// Script (optional: the page is complete without it): sort the claims table by clicking a
// column header, filter it by flag. It contains neither "<" nor "&", and sits in a CDATA
// section for XML parsers.
#include "core/report/report_html_detail.h"

#include <cstdio>

namespace claimmark::html_detail {

namespace {

constexpr std::string_view kStyle = R"css(*,*::before,*::after{box-sizing:border-box}
:root{--ink:#1b1d21;--muted:#596070;--rule:#dde0e6;--soft:#f4f5f7;--link:#0b57a4}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
.page{max-width:84rem;margin:0 auto;padding:2.2rem 2.5rem 3rem}
a{color:var(--link)}
a:hover{color:#073d75}
h1{font-size:2.05rem;line-height:1.15;margin:.25rem 0 .5rem;font-weight:700;letter-spacing:-.015em}
h2{font-size:1.4rem;line-height:1.25;margin:2.6rem 0 .9rem;padding-bottom:.35rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.1rem;margin:1.8rem 0 .7rem}
.panel h3,.panel h4{font-size:.78rem;text-transform:uppercase;letter-spacing:.07em;color:var(--muted);margin:0 0 .55rem;font-weight:700}
section.document>h2.doc-title{font-size:1.7rem;border-bottom:4px double var(--ink);margin-top:3.5rem}
section.document h3{font-size:1.25rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink);margin-top:2.2rem}
section.document .panel h4{border:0}
.kicker{margin:0;font-size:.76rem;text-transform:uppercase;letter-spacing:.13em;color:var(--muted);font-weight:700}
.meta{color:var(--muted);margin:.2rem 0 .6rem;font-size:.9rem}
.meta>span+span::before{content:"\00B7";margin:0 .55em;color:#9aa0ab}
.meta strong{color:var(--ink);font-weight:600}
.sg-note{color:#7c2408}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em;background:var(--soft);padding:.05em .3em;border-radius:3px}
nav.toc{display:flex;flex-wrap:wrap;gap:.3rem 1.4rem;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);padding:.5rem 0;margin:.7rem 0 0;font-size:.9rem}
nav.toc a{text-decoration:none;font-weight:600}
.notes{border-left:4px solid #b9bfca;background:var(--soft);padding:.6rem 1rem;margin:1.2rem 0;font-size:.9rem}
.notes-title{margin:0 0 .2rem;font-weight:700}
.notes ul{margin:0;padding-left:1.2rem}
.empty{color:var(--muted);font-style:italic}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.8rem;margin:0 0 1rem}
.fig{border:1px solid var(--rule);border-radius:8px;padding:.7rem .95rem .75rem;background:#fff}
.fv{display:block;font-size:1.75rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.fk{display:block;color:var(--muted);font-size:.85rem;margin-top:.1rem}
.fn{display:block;font-size:.8rem;margin-top:.15rem}
.left-out{font-size:.88rem;color:var(--muted);margin:0 0 1rem}
.panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,19rem));gap:1.2rem 2.5rem;align-items:start;margin-top:1.4rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,28rem),1fr));gap:1.2rem 2.5rem;align-items:start;margin-top:1.6rem}
.panel{min-width:0}
.mini{border-collapse:collapse;font-size:.9rem;min-width:13rem}
.mini td,.mini th{padding:.28rem .8rem .28rem 0;border-bottom:1px solid var(--rule);text-align:left;vertical-align:middle}
.mini th{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.mini td.num,.mini th.num{text-align:right;padding-right:0;padding-left:.8rem}
table.docs{margin:1.4rem 0 0}
.num{text-align:right;font-variant-numeric:tabular-nums}
.zero,.muted{color:#868c99}
tr.zero .fb{opacity:.55}
svg.chart{max-width:100%;height:auto;display:block}
svg.chart text{font-family:inherit;font-size:12.5px;fill:#1b1d21}
svg.chart .track{fill:#f0f1f4}
.mk{color:inherit;background:transparent;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-skip-ink:none;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.mk .mk{text-underline-offset:6px}
.mk .mk .mk{text-underline-offset:9px}
.mk .mk .mk .mk{text-underline-offset:12px}
a.cl{color:inherit;text-decoration:none;cursor:pointer}
a.cl:hover{background:rgba(176,111,0,0.16)}
.mk.fl{text-decoration-thickness:3px}
.mk.fl[id]::before{content:"\2691";font-family:system-ui,sans-serif;font-size:.62em;vertical-align:super;color:#b42318;margin-right:.12em;line-height:0}
.mk.ot{background:transparent;outline:1.5px dashed #b06f00;outline-offset:0;text-decoration-line:none}
.mk:target{outline:2px solid var(--link);outline-offset:2px}
.anchor:target{outline:2px solid var(--link)}
.legend{font-size:.86rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.35rem .9rem;align-items:baseline;margin:0 0 .8rem;max-width:48rem;line-height:2}
.legend .mk{color:var(--ink);padding:0 .25em}
.legend-title{font-weight:700;color:var(--ink)}
.legend-note{flex-basis:100%;line-height:1.4;font-size:.8rem}
.article{font-family:ui-serif,Georgia,Cambria,"Times New Roman",Times,serif;font-size:1.07rem;line-height:2;white-space:pre-wrap;overflow-wrap:break-word;max-width:48rem;margin:0;padding:1.3rem 1.7rem;border:1px solid var(--rule);border-radius:8px;background:#fffefb;color:#16181c}
ol.worst{padding-left:1.8rem;margin:0;max-width:60rem}
ol.worst>li{margin:0 0 1rem;padding-left:.3rem}
ol.worst>li::marker{font-weight:700;color:var(--muted)}
.wn{font-weight:700;text-decoration:none}
.wq{font-family:ui-serif,Georgia,Cambria,"Times New Roman",Times,serif;font-size:1.02rem}
.wm{display:block;color:var(--muted);font-size:.84rem}
.more{color:var(--muted);font-size:.9rem}
ul.reasons{list-style:none;margin:.3rem 0 0;padding:0}
ul.reasons li{margin:.2rem 0;line-height:1.4}
ol.worst ul.reasons{display:flex;flex-wrap:wrap;gap:0 1.4rem}
.why{font-size:.86rem}
.fb{display:inline-block;font-size:.72rem;font-weight:700;line-height:1.35;padding:.02rem .5rem;border-radius:999px;border:1px solid;white-space:nowrap;vertical-align:.05em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.f-contradicted{color:#8a1111;background:#fdeceb;border-color:#d92d20}
.f-strength-exceeds-evidence{color:#7c2408;background:#fdefe7;border-color:#e0631c}
.f-hedge-dropped{color:#4c1d95;background:#f3edfd;border-color:#8b5cf6}
.f-no-evidence{color:#6b3b00;background:#fff4d9;border-color:#d99100}
.f-reviewers-disagree{color:#123f7a;background:#eaf2fc;border-color:#3b7fd4}
.f-uncited-support{color:#2f3746;background:#eff1f4;border-color:#7b8494}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center;margin:0 0 .8rem;font-size:.9rem}
.controls select{font:inherit;padding:.2rem .4rem;margin-left:.4rem}
.hint,.shown{color:var(--muted);font-size:.85rem}
.table-wrap{overflow-x:auto}
table.claims{border-collapse:collapse;width:100%;font-size:.86rem}
table.claims th{text-align:left;font-size:.72rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);border-bottom:2px solid var(--ink);padding:.45rem .5rem;vertical-align:bottom;white-space:nowrap}
table.claims th.num{text-align:right}
table.claims td{border-bottom:1px solid var(--rule);padding:.6rem .45rem;vertical-align:top}
table.claims th.cnt{padding-left:.2rem;padding-right:.2rem}
table.claims tr.flagged>td:first-child{box-shadow:inset 3px 0 0 #d92d20}
table.claims tr:target>td{background:#fff7d6}
table.claims td:first-child a{font-weight:700;text-decoration:none}
td.claim{width:34%;min-width:18rem}
.ct{font-family:ui-serif,Georgia,Cambria,"Times New Roman",Times,serif;font-size:.98rem;line-height:1.45}
.cm{color:var(--muted);font-size:.8rem;margin-top:.2rem}
.tag{display:inline-block;border:1px solid #c4c8d0;border-radius:3px;padding:0 .3rem;font-size:.74rem;color:#3d4452}
.tag.other{border-style:dashed;border-color:#b06f00}
details.links{margin:.4rem 0 0;padding:.3rem 0 0;border-top:1px dotted var(--rule);font-size:.82rem;line-height:1.5}
details.links summary{cursor:pointer;color:var(--muted);font-size:.8rem}
details.links ul{list-style:none;margin:.15rem 0 0;padding:0}
details.links li{margin:.1rem 0}
.lk{font-size:.68rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .3em;text-underline-offset:2px}
.kind{color:var(--muted)}
.note{margin:.35rem 0 0;font-size:.82rem;background:var(--soft);padding:.2rem .45rem;border-radius:3px}
.note-k{font-weight:700}
table.claims.team{font-size:.8rem}
table.claims.team td{padding:.55rem .35rem}
table.claims.team td.claim{width:27%;min-width:14rem}
table.claims.team .ct{font-size:.92rem}
table.claims.team td.flags{min-width:10.5rem}
table.claims.team .why{font-size:.78rem}
td.str{white-space:nowrap}
.sn{font-weight:700;font-size:1rem}
.sl{display:block;color:var(--muted);font-size:.76rem;white-space:normal}
td.support.weak{color:#7c2408}
td.flags{min-width:13rem;max-width:22rem}
td.flags ul.reasons{margin:0}
td.rv{min-width:6.5rem;max-width:10rem;border-left:1px solid var(--rule)}
td.rv.diff{background:#fff8e6}
td.rv.none{color:#868c99;font-style:italic}
.rs{font-weight:700}
.rvv{color:var(--muted)}
.rf{display:block;margin-top:.2rem;font-size:.76rem;line-height:1.35;color:#b42318}
span.rfl{background:none;font-weight:600}
td.lnk .lc{display:block;white-space:nowrap}
td.lnk .lc.against{color:#8a1111;font-weight:700}
th.rvh{border-left:1px solid var(--rule)}
th .sub{display:block;font-weight:400;text-transform:none;letter-spacing:0}
th button.sort{font:inherit;color:inherit;text-transform:inherit;letter-spacing:inherit;background:none;border:0;padding:0;margin:0;cursor:pointer;text-align:inherit}
th button.sort:hover{color:var(--ink)}
th button.sort::after{content:"\2195";margin-left:.3em;opacity:.45}
th[aria-sort=ascending] button.sort::after{content:"\25B2";opacity:1}
th[aria-sort=descending] button.sort::after{content:"\25BC";opacity:1}
.foot{margin-top:3rem;padding-top:.8rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.8rem}
[hidden]{display:none!important}
:target{scroll-margin-top:1.5rem}
@media (max-width:700px){.page{padding:1.2rem 1rem 2rem}h1{font-size:1.6rem}.article{padding:1rem}}
@media print{
@page{margin:14mm 12mm}
html{font-size:10pt}
body{font-size:9.5pt;color:#000;background:#fff}
.page{max-width:none;padding:0}
.controls,nav.toc,.hint,.legend-note{display:none!important}
a{color:inherit;text-decoration:none}
a.cl:hover{background:none}
h2,h3,h4{break-after:avoid;page-break-after:avoid}
tr,.fig,ol.worst>li,.panel,svg.chart,.notes{break-inside:avoid;page-break-inside:avoid}
details.links summary{color:#000}
thead{display:table-header-group}
.table-wrap{overflow:visible}
.article{max-width:none;border:0;padding:0;background:none;font-size:10.5pt;line-height:1.9}
td.claim{width:40%}
td.flags{min-width:0}
th button.sort::after{content:none}
.mk:target,tr:target>td{outline:0;background:inherit}
}
)css";

constexpr std::string_view kScript = R"js((function () {
  'use strict';
  function each(list, f) { Array.prototype.forEach.call(list, f); }
  function key(cell, numeric) {
    var v = cell.getAttribute('data-v');
    if (v === null) v = cell.textContent.trim();
    if (numeric) { var n = parseFloat(v); return isNaN(n) ? -Infinity : n; }
    return v.toLowerCase();
  }
  each(document.querySelectorAll('table.claims'), function (table) {
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.title = 'Sort by this column';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var numeric = th.getAttribute('data-type') === 'num';
        var current = th.getAttribute('aria-sort');
        var first = column === 0 ? 'ascending' : (numeric ? 'descending' : 'ascending');
        var order = current ? (current === 'ascending' ? 'descending' : 'ascending') : first;
        each(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', order);
        var sign = order === 'ascending' ? 1 : -1;
        var rows = Array.prototype.map.call(body.rows, function (row, i) {
          return { row: row, i: i, k: key(row.cells[column], numeric) };
        });
        rows.sort(function (a, b) {
          if (a.k === b.k) return a.i - b.i;
          return (a.k > b.k ? 1 : -1) * sign;
        });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (r) { fragment.appendChild(r.row); });
        body.appendChild(fragment);
      });
    });
  });
  // Printing shows every claim's linked items.
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
  each(document.querySelectorAll('.controls'), function (box) {
    var table = document.getElementById(box.getAttribute('data-table'));
    if (!table) return;
    var select = box.querySelector('select.filter');
    var shown = box.querySelector('.shown');
    function apply() {
      var want = select.value;
      var rows = table.tBodies[0].rows;
      var count = 0;
      each(rows, function (row) {
        var flags = row.getAttribute('data-flags');
        var list = flags ? flags.split(' ') : [];
        var keep = want === '' ? true : want === '*' ? list.length > 0 : want === '-' ? list.length === 0
                 : list.indexOf(want) !== -1;
        row.hidden = !keep;
        if (keep) count += 1;
      });
      shown.textContent = want === '' ? '' : 'showing ' + count + ' of ' + rows.length;
    }
    select.addEventListener('change', apply);
    box.hidden = false;
  });
})();)js";

// "rgba(230,159,0,0.2)" for "#e69f00".
std::string tint(const std::string& color, double alpha) {
    const auto hex = [&](std::size_t at) { return std::stoi(color.substr(at, 2), nullptr, 16); };
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "rgba(%d,%d,%d,%.2f)", hex(1), hex(3), hex(5), alpha);
    return buffer;
}

}  // namespace

std::string_view styleSheet() { return kStyle; }
std::string_view script() { return kScript; }

void appendLabelRules(std::string& out, const LabelStyles& labels) {
    for (const LabelStyle& style : labels.all()) {
        out += '.';
        out += style.cssClass;
        out += "{background:" + tint(style.color, 0.2) + ";text-decoration-color:" + style.color;
        if (style.name == "hedge") out += ";text-decoration-style:dotted;text-decoration-thickness:3px";
        else if (style.name == "caveat") out += ";text-decoration-style:dashed";
        else if (style.name == "evidence") out += ";text-decoration-style:double";
        out += "}\n";
    }
    out += ".lx{background:rgba(127,127,127,0.20);text-decoration-color:#7f7f7f}\n";
}

}  // namespace claimmark::html_detail
