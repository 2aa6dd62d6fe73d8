/// The style and script inlined into the register's page (`RegisterHTML`). On a desktop the
/// table scrolls in its own box under a header row that stays in view; words are never broken
/// (addresses wrap at the <wbr> the page puts after their separators), the four name columns
/// get at least 14rem each (8.25rem on a laptop) and columns no entry fills shrink to their
/// headings' longest word. Under 700px the table becomes one card per entry, each cell
/// labelled with its heading, and sorting moves from the hidden headings to a select. Printed,
/// it is the Annex 1 table on landscape A4.
enum RegisterPageStyle {
    static let css = """
        :root{--ink:#1b1f24;--muted:#56616c;--line:#d3dae0;--accent:#00587a;--head:#eaf1f5;--gone:#7d878f}
        *{box-sizing:border-box}
        [hidden]{display:none!important}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
        header{background:var(--accent);color:#fff;padding:1rem 1.25rem}
        header a{color:#fff}
        .ministry{margin:0;font-size:.85rem;letter-spacing:.03em;text-transform:uppercase;opacity:.92}
        h1{margin:.25rem 0 .4rem;font-size:1.5rem;line-height:1.2}
        .basis{margin:0 0 .6rem;font-size:.8rem;opacity:.88;max-width:62rem}
        .bar{display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;margin:0;font-size:.9rem}
        .language{font-weight:600}
        main{padding:1rem 1.25rem}
        .search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        .search input{flex:1 1 16rem;max-width:36rem;padding:.5rem .7rem;font:inherit;border:1px solid #9aa6b0;border-radius:4px}
        .search select{font:inherit;padding:.45rem;max-width:20rem;border:1px solid #9aa6b0;border-radius:4px;background:#fff}
        .search #sort{display:none}
        #shown{color:var(--muted);font-size:.9rem;margin:.5rem 0 .2rem}
        .hint{color:var(--muted);font-size:.8rem;margin:0 0 .6rem}
        .scroll{overflow:auto;max-height:calc(100vh - 2rem);border:1px solid var(--line)}
        table{border-collapse:separate;border-spacing:0;width:100%;font-size:.875rem}
        th,td{border:0 solid var(--line);border-width:0 1px 1px 0;padding:.35rem .45rem;vertical-align:top;text-align:left;white-space:pre-line;overflow-wrap:break-word;word-break:normal;hyphens:manual}
        th:last-child,td:last-child{border-right:0}
        th{background:var(--head);font-size:.75rem;font-weight:600;position:sticky;top:0;z-index:1}
        th.name:not(.empty){min-width:14rem}
        th.empty{width:1px;min-width:0;font-size:.7rem;font-weight:400;color:var(--muted)}
        th:first-child{width:1px}
        th button{all:unset;cursor:pointer;display:block;width:100%}
        th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
        th[aria-sort=ascending] button::after{content:" ▲"}
        th[aria-sort=descending] button::after{content:" ▼"}
        td:first-child{text-align:right;white-space:nowrap}
        tbody tr:nth-child(even){background:#f7f9fa}
        tr.terminated td{color:var(--gone)}
        @media (max-width:1500px){th.name:not(.empty){min-width:8.25rem}table{font-size:.8125rem}td:nth-child(n+6){font-size:.75rem}th{font-size:.6875rem}th,td{padding:.3rem .35rem}}
        @media (max-width:700px){
        header,main{padding:.75rem}
        h1{font-size:1.25rem}
        .search select,.search #sort{display:block;flex:1 1 100%;max-width:100%}
        .hint{display:none}
        .scroll{overflow:visible;max-height:none;border:0}
        thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        table,tbody,tr,td{display:block}
        tbody tr,tbody tr:nth-child(even){background:#fff;border:1px solid var(--line);border-radius:6px;margin:0 0 .75rem;padding:.5rem .75rem}
        td{border:0;padding:.2rem 0}
        td:empty{display:none}
        td::before{content:attr(data-label);display:block;font-size:.75rem;color:var(--muted)}
        td:first-child{text-align:left;font-weight:600}
        }
        @page{size:A4 landscape;margin:10mm}
        @media print{
        body{font-size:8pt}
        header{background:none;color:#000;padding:0 0 4mm}
        .bar,.search,.hint,#shown,#nothing{display:none}
        main{padding:0}
        .scroll{overflow:visible;max-height:none;border:0}
        th{position:static;background:#eee}
        table,td:nth-child(n+6){font-size:7.5pt}
        th{font-size:7pt}
        th,td{padding:1mm 1.2mm;border-color:#888}
        thead{display:table-header-group}
        tr{break-inside:avoid}
        a{color:inherit;text-decoration:none}
        }
        """

    /// Search: every word typed must occur in the entry (case and ё/е ignored), and the entry must
    /// be of the kind and region chosen beside it. Sorting: by the
    /// clicked column, the number column numerically, empty cells always last.
    static let script = """
        (function(){
        var table=document.getElementById('register');if(!table)return;
        var lang=document.documentElement.lang;
        function fold(s){return s.toLocaleLowerCase(lang).replace(/ё/g,'е');}
        function data(r,name){return r.getAttribute?r.getAttribute(name)||'':'';}
        var entries=Array.prototype.map.call(table.tBodies[0].rows,function(r){
          return{row:r,text:fold(r.textContent),kind:data(r,'data-kind'),region:data(r,'data-region')};});
        var input=document.getElementById('search'),shown=document.getElementById('shown'),
            nothing=document.getElementById('nothing'),select=document.getElementById('sort'),
            kind=document.getElementById('kind'),region=document.getElementById('region');
        var buttons=table.tHead.querySelectorAll('button');
        function filter(){
          var terms=fold(input.value).split(/\\s+/).filter(Boolean),n=0;
          entries.forEach(function(e){
            var ok=terms.every(function(t){return e.text.indexOf(t)>=0;})&&
              (!kind||!kind.value||e.kind===kind.value)&&(!region||!region.value||e.region===region.value);
            e.row.hidden=!ok;if(ok)n++;
          });
          shown.textContent=shown.getAttribute('data-template').replace('{shown}',n).replace('{total}',entries.length);
          nothing.hidden=n>0||entries.length===0;
        }
        function sort(column,descending){
          var direction=descending?-1:1;
          entries.sort(function(a,b){
            var x=a.row.cells[column].textContent,y=b.row.cells[column].textContent;
            if(!x||!y)return x?-1:(y?1:0);
            var c=column===0?parseInt(x,10)-parseInt(y,10):x.localeCompare(y,lang,{numeric:true,sensitivity:'base'});
            return c*direction;
          });
          var body=table.tBodies[0];
          entries.forEach(function(e){body.appendChild(e.row);});
          Array.prototype.forEach.call(buttons,function(b,i){
            b.parentNode.setAttribute('aria-sort',i===column?(descending?'descending':'ascending'):'none');
          });
          select.value=(descending?'-':'')+column;
        }
        Array.prototype.forEach.call(buttons,function(b){
          b.addEventListener('click',function(){
            var column=parseInt(b.getAttribute('data-column'),10);
            sort(column,b.parentNode.getAttribute('aria-sort')==='ascending');
          });
        });
        select.addEventListener('change',function(){
          var v=select.value;sort(Math.abs(parseInt(v,10)),v.charAt(0)==='-');
        });
        input.addEventListener('input',filter);
        if(kind)kind.addEventListener('change',filter);
        if(region)region.addEventListener('change',filter);
        // "#q=Костанай" opens the page already searched: a link the ministry's site can give.
        var q=typeof location!=='undefined'&&/[#&]q=([^&]*)/.exec(location.hash||'');
        if(q){try{input.value=decodeURIComponent(q[1]);}catch(e){}}
        filter();
        })();
        """
}
