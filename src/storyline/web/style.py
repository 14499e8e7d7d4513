"""The reader's one stylesheet, inlined in every page (the CSP allows inline styles, nothing else).

Written for reading on any screen: a measure of about 70 characters, text that wraps anywhere rather
than push the page sideways at 360 px, tables that scroll inside their own box, visible focus for
keyboard users, and citation popovers that open without script (the HTML ``popover`` attribute).
"""

CSS = """
:root{color-scheme:light dark;--fg:#1d1d1f;--dim:#5f6368;--bg:#fff;--soft:#f4f5f7;--line:#d9dce1;
--link:#0b57d0;--mark:#ffe58a;--cited:#fff4c7;--here:#ffc266;--focus:#e8710a}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--dim:#a5abb3;--bg:#16181c;--soft:#22252b;
--line:#3a3f47;--link:#8ab4f8;--mark:#6b5a12;--cited:#3d3614;--here:#8a4b00}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.6 system-ui,-apple-system,"Segoe UI",
Roboto,sans-serif;overflow-wrap:anywhere}
a{color:var(--link);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5em 1em;z-index:10}
.skip:focus{left:.5em}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
header.site{border-bottom:1px solid var(--line);background:var(--soft)}
.bar{max-width:48rem;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;
align-items:center}
.brand{font-weight:700;text-decoration:none;color:var(--fg)}
nav.site ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
nav.site a[aria-current]{font-weight:700;color:var(--fg)}
form.search{display:flex;gap:.4rem;flex:1 1 14rem;min-width:0}
form.search input{flex:1;min-width:0}
input,select,button{font:inherit}
input[type=search],input[type=text],select{padding:.35em .5em;border:1px solid var(--line);border-radius:.3em;
background:var(--bg);color:var(--fg);max-width:100%}
button.go{padding:.35em .8em;border:1px solid var(--line);border-radius:.3em;background:var(--bg);color:var(--fg);
cursor:pointer}
main{max-width:48rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.7rem;line-height:1.25;margin:.6rem 0 .4rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
ul,ol{padding-left:1.3rem}
li{margin:.3rem 0}
.meta,.dim{color:var(--dim);font-size:.92rem}
.lead{font-size:1.15rem;line-height:1.55}
.tag{display:inline-block;font-size:.75rem;padding:0 .4em;border:1px solid var(--line);border-radius:1em;
color:var(--dim);vertical-align:middle}
mark{background:var(--mark);color:inherit;padding:0 .1em}
mark.here{background:var(--here);outline:2px solid var(--focus)}
.article-text mark{background:var(--cited)}
.article-text mark.here{background:var(--here)}
#span{scroll-margin-top:35vh}
.table-wrap{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
th{background:var(--soft)}
th,td{overflow-wrap:normal}
@media (max-width:40rem){table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;
clip-path:inset(50%)}table.reflow,table.reflow tbody,table.reflow tr,table.reflow td{display:block;width:100%}
table.reflow tr{padding:.5rem 0;border-bottom:2px solid var(--line)}table.reflow td{border:0;padding:.15rem 0}
table.reflow td::before{content:attr(data-label) ": ";font-weight:600;color:var(--dim)}
table.reflow caption{display:block;text-align:left}
table.reflow td:first-child::before{content:none}table.reflow td:first-child{font-weight:500}}
ol.stories{list-style:none;padding:0}
ol.stories>li{padding:.7rem 0;border-bottom:1px solid var(--line)}
.stories h2,.hits h3{font-size:1.1rem;margin:0 0 .2rem;border:0;padding:0}
.sort{margin:.3rem 0 1rem}
.sort a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
time{white-space:nowrap}
.timeline time{font-weight:600}
blockquote{margin:.4rem 0;padding:.1rem 0 .1rem .8rem;border-left:3px solid var(--line)}
.quote{margin:1rem 0;padding-bottom:.6rem;border-bottom:1px solid var(--line)}
.quote p{margin:.2rem 0}
.snippet{margin:.2rem 0 0}
.article-text p{margin:0 0 1em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin:.5rem 0 1rem}
form.filters label{display:flex;flex-direction:column;font-size:.9rem;min-width:0}
button.cite{font:inherit;font-size:.8em;line-height:1;vertical-align:super;padding:.1em .2em;margin:0 .05em;
border:0;border-radius:.2em;background:none;color:var(--link);cursor:pointer}
button.cite:hover{background:var(--soft)}
a.cite-more{font-size:.85em;white-space:nowrap}
.pop{max-width:min(34rem,calc(100vw - 2rem));max-height:70vh;overflow:auto;margin:auto;padding:.8rem 1rem;
border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:var(--fg);
box-shadow:0 .4rem 1.6rem rgba(0,0,0,.25);font-size:.95rem;line-height:1.5}
.pop::backdrop{background:rgba(0,0,0,.15)}
.pop .src{display:block;font-weight:600;margin-bottom:.3rem}
.pop .passage{display:block;margin:.4rem 0}
.pop .open{display:block;font-size:.9rem}
nav.pager{margin:1.5rem 0;font-size:.95rem}
footer.site{max-width:48rem;margin:0 auto;padding:1rem;color:var(--dim);font-size:.85rem}
@media (max-width:30rem){body{font-size:16px}h1{font-size:1.4rem}main{padding:.6rem .8rem 2rem}
dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}}
"""
