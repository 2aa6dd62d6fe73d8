import Foundation
import Annex2
import Testing
@testable import Register

/// The published page in a real browser (Debian's chromium, headless): the table renders with
/// every entry, a search given in the link filters it, and a screenshot is kept to look at.
@Suite(.serialized) struct RegisterInBrowser {
    static let chromium = ExternalProgram.path("chromium")

    /// Rows of the table body the browser left visible after the page's own script ran.
    static func visibleRows(_ dom: String) -> Int {
        dom.components(separatedBy: "<tr").dropFirst().filter { row in
            let tag = row.prefix { $0 != ">" }
            return !tag.contains("hidden") && !row.contains("<th")
        }.count
    }

    static func browse(_ url: String, extra: [String] = []) throws -> String {
        try ExternalProgram.run(try #require(chromium),
                                ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--no-first-run", "--virtual-time-budget=2000"] + extra + [url])
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (deploy/packages.sh test installs it)"))
    func theBrowserShowsEveryEntryAndALinkedSearchFiltersThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("register-browser-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try RegisterPublication.write(Sample.rows, to: folder, updated: Sample.updated)
        let page = "file://" + folder + "/register-ru.html"

        let all = try Self.browse(page, extra: ["--dump-dom"])
        #expect(all.contains("id=\"register\""))
        #expect(Self.visibleRows(all) == Sample.rows.count)

        let expected = Sample.rows.filter { row in
            row.cells(.ru).joined(separator: " ").lowercased().contains("костанай")
        }.count
        #expect(expected > 0 && expected < Sample.rows.count)
        let searched = try Self.browse(page + "#q=" + "Костанай".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                                       extra: ["--dump-dom"])
        #expect(Self.visibleRows(searched) == expected)

        // The screenshot is the artifact a person looks at: kept under REGISTER_ARTIFACTS if set.
        let artifacts = ProcessInfo.processInfo.environment["REGISTER_ARTIFACTS"] ?? folder
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let shot = artifacts + "/register-ru.png"
        _ = try Self.browse(page, extra: ["--screenshot=" + shot, "--window-size=1280,900"])
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000)
    }

    /// Where screenshots and the printed PDF are kept for a person to look at: REGISTER_ARTIFACTS,
    /// else .build/test-artifacts/register in the package.
    static var artifacts: String {
        if let folder = ProcessInfo.processInfo.environment["REGISTER_ARTIFACTS"] { return folder }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".build/test-artifacts/register").path
    }

    /// A register long enough to scroll: the samples five times over, numbered on.
    static let longRegister: [RegisterRow] = (0..<5).flatMap { round in
        Sample.rows.map { row in
            var copy = row
            copy.number = round * Sample.rows.count + row.number
            return copy
        }
    }

    /// Measures the laid-out page from inside it, after its own script ran, and leaves the
    /// findings as JSON in a <pre id="layout-check"> for --dump-dom.
    static let layoutCheck = """
        <script>
        window.addEventListener('load',function(){
          var out={problems:[],cells:0,boxWidth:0,words:0,nameExcess:0,nameWidth:1e6,emptyWidths:[],tableWidth:0,sticky:null,filters:{}};
          var table=document.getElementById('register');
          out.tableWidth=Math.round(table.getBoundingClientRect().width);
          out.boxWidth=document.querySelector('.scroll').clientWidth;
          var head=table.tHead;
          var headHidden=head.getBoundingClientRect().width<=1;
          function lines(range){
            var tops={},rects=range.getClientRects();
            for(var i=0;i<rects.length;i++){if(rects[i].width>0)tops[Math.round(rects[i].top)]=1;}
            return Object.keys(tops).length;
          }
          Array.prototype.forEach.call(table.querySelectorAll('th,td'),function(cell){
            if(getComputedStyle(cell).display==='none')return;
            if(headHidden&&head.contains(cell))return;
            out.cells++;
            if(cell.scrollWidth>cell.clientWidth+1)
              out.problems.push('cell overflows ('+cell.scrollWidth+' > '+cell.clientWidth+'): '+cell.textContent.slice(0,60));
            var walker=document.createTreeWalker(cell,NodeFilter.SHOW_TEXT);
            for(var node=walker.nextNode();node;node=walker.nextNode()){
              // A word between spaces; a line may end after its hyphen, dash or slash, never elsewhere.
              var word=/[^\\s\\-\\u2013\\u2014\\/]+[\\-\\u2013\\u2014\\/]*/g,m;
              while((m=word.exec(node.data))){
                var range=document.createRange();range.setStart(node,m.index);range.setEnd(node,m.index+m[0].length);
                out.words++;
                if(lines(range)>1)out.problems.push('word broken across lines: '+m[0]);
              }
            }
            if(!headHidden&&cell.tagName==='TD'&&cell.cellIndex>=1&&cell.cellIndex<=4&&cell.textContent){
              // Lines beyond one for every two words: a name squeezed narrower than it needs.
              var all=document.createRange();all.selectNodeContents(cell);
              var n=lines(all),allowed=Math.max(2,Math.ceil(cell.textContent.split(/\\s+/).length/2));
              out.nameExcess=Math.max(out.nameExcess,n-allowed);
              out.nameWidth=Math.min(out.nameWidth,Math.round(cell.getBoundingClientRect().width));
            }
          });
          if(!headHidden)Array.prototype.forEach.call(head.querySelectorAll('th.empty'),function(th){
            out.emptyWidths.push(Math.round(th.getBoundingClientRect().width));
          });
          var scroller=document.querySelector('.scroll');
          if(!headHidden&&scroller.scrollHeight>scroller.clientHeight+10){
            scroller.scrollTop=scroller.scrollHeight;
            var offset=head.rows[0].cells[1].getBoundingClientRect().top-scroller.getBoundingClientRect().top;
            out.sticky=Math.abs(offset)<=2;
            if(!out.sticky)out.problems.push('the header row scrolled away ('+offset+' px)');
            scroller.scrollTop=0;
          }
          function visible(){return Array.prototype.filter.call(table.tBodies[0].rows,function(r){return !r.hidden;}).length;}
          ['kind','region'].forEach(function(id){
            var select=document.getElementById(id);
            Array.prototype.forEach.call(select.options,function(option){
              select.value=option.value;select.dispatchEvent(new Event('change'));
              out.filters[id+':'+option.value]=visible();
            });
            select.value='';select.dispatchEvent(new Event('change'));
          });
          var pre=document.createElement('pre');pre.id='layout-check';pre.textContent=JSON.stringify(out);
          document.body.appendChild(pre);
        });
        </script>
        """

    struct LayoutCheck: Decodable {
        let problems: [String]
        let cells, words, nameExcess, nameWidth, tableWidth, boxWidth: Int
        let emptyWidths: [Int]
        let sticky: Bool?
        let filters: [String: Int]
    }

    static func check(_ page: String, width: Int, height: Int) throws -> LayoutCheck {
        let dom = try browse("file://" + page, extra: ["--dump-dom", "--window-size=\(width),\(height)"])
        let json = try #require(dom.components(separatedBy: "<pre id=\"layout-check\">").last?.components(separatedBy: "</pre>").first)
        let text = json.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(LayoutCheck.self, from: Data(text.utf8))
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (deploy/packages.sh test installs it)"),
          arguments: RegisterLanguage.allCases)
    func theTableReadsWellOnDesktopsAndPhonesAndPrintsAsLandscapeA4(language: RegisterLanguage) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("register-layout-\(getpid())-\(language)").path
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: Self.artifacts, withIntermediateDirectories: true)
        let rows = Self.longRegister
        let published = folder + "/register-\(language).html"
        try RegisterPublication.write(rows, to: folder, updated: Sample.updated)
        let html = try String(contentsOfFile: published, encoding: .utf8)
        // Kept beside the screenshots: open it in a browser to see what the check measures.
        let checked = Self.artifacts + "/checked-\(language).html"
        try html.replacingOccurrences(of: "</body>", with: Self.layoutCheck + "</body>")
            .write(toFile: checked, atomically: true, encoding: .utf8)

        for (width, height) in [(1366, 768), (1920, 1080), (390, 844)] {
            let result = try Self.check(checked, width: width, height: height)
            let screen = "\(width)x\(height)"
            #expect(result.problems == [], "\(language) at \(screen): \(result.problems.prefix(10))")
            // The check measured something: every visible cell and its words.
            #expect(result.cells >= rows.count * 4, "\(screen): \(result.cells) cells measured")
            #expect(result.words > 500, "\(screen): \(result.words) words measured")
            if width > 700 {
                #expect(result.sticky == true, "\(screen): the header row did not stay visible while the table scrolled")
                #expect(result.tableWidth <= result.boxWidth, "\(screen): the table is \(result.tableWidth) px wide in \(result.boxWidth) px")
                // Names get room: 120 px or more on a laptop, where the other columns are at their
                // longest words already; on a full HD screen a name takes at most a line for every
                // two of its words.
                #expect(result.nameWidth >= 120, "\(screen): a name column is \(result.nameWidth) px wide")
                if width >= 1920 { #expect(result.nameExcess == 0, "\(screen): names squeezed by \(result.nameExcess) lines") }
                // Empty columns take little: their headings wrap at spaces into a narrow column.
                #expect(result.emptyWidths.allSatisfy { $0 <= 130 }, "\(screen): empty columns \(result.emptyWidths) px")
            }
            let kinds = Dictionary(grouping: rows, by: { $0.columns.kind.rawValue }).mapValues(\.count)
            #expect(result.filters["kind:"] == rows.count)
            for kind in ApplicantKind.allCases {
                #expect(result.filters["kind:\(kind.rawValue)"] == kinds[kind.rawValue, default: 0], "kind \(kind)")
            }
            let regions = Dictionary(grouping: rows, by: { $0.columns.contacts.region }).mapValues(\.count)
            for (region, count) in regions where !region.isEmpty {
                #expect(result.filters["region:\(region)"] == count, "region \(region)")
            }
            let shot = Self.artifacts + "/register-\(language)-\(screen).png"
            _ = try Self.browse("file://" + published, extra: ["--screenshot=" + shot, "--window-size=\(width),\(height)",
                                                                "--hide-scrollbars"])
            let png = try Data(contentsOf: URL(fileURLWithPath: shot))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "\(shot)")
        }

        // Printed: the Annex 1 table on landscape A4 (poppler's pdfinfo reads the page size).
        let pdf = Self.artifacts + "/register-\(language)-print.pdf"
        _ = try Self.browse("file://" + published, extra: ["--print-to-pdf=" + pdf, "--no-pdf-header-footer"])
        let info = try ExternalProgram.run(try #require(ExternalProgram.path("pdfinfo")), [pdf])
        let size = try #require(info.split(separator: "\n").first { $0.hasPrefix("Page size:") })
        let points = size.split(separator: " ").compactMap { Double($0) }
        #expect(size.hasSuffix("(A4)") && points.count == 2 && points[0] > points[1], "\(size): not landscape A4")
        let text = try ExternalProgram.run(try #require(ExternalProgram.path("pdftotext")), ["-layout", pdf, "-"])
        #expect(text.contains(language.headings[1].split(separator: " ").first.map(String.init) ?? "?"))
        #expect(!text.contains(language.searchLabel), "the search box is not printed")
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (deploy/packages.sh test installs it)"))
    func columnsNoEntryFillsTakeLittleRoomAndTheNamesTakeIt() throws {
        // Volunteers and a group alone: the organisation, coordinator and activity columns are empty.
        let rows = Self.longRegister.filter { $0.columns.kind == .volunteer || $0.columns.kind == .group }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("register-empty-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try RegisterPublication.write(rows, to: folder, updated: Sample.updated)
        let html = try String(contentsOfFile: folder + "/register-kk.html", encoding: .utf8)
        let checked = folder + "/checked.html"
        try html.replacingOccurrences(of: "</body>", with: Self.layoutCheck + "</body>")
            .write(toFile: checked, atomically: true, encoding: .utf8)
        let result = try Self.check(checked, width: 1366, height: 768)
        #expect(result.problems == [], "\(result.problems.prefix(10))")
        #expect(result.emptyWidths.count >= 6, "empty columns: \(result.emptyWidths)")
        #expect(result.emptyWidths.allSatisfy { $0 <= 130 }, "empty columns \(result.emptyWidths) px")
        #expect(result.nameWidth >= 160, "the filled name columns are \(result.nameWidth) px")
        _ = try Self.browse("file://" + folder + "/register-kk.html",
                            extra: ["--screenshot=" + Self.artifacts + "/register-kk-volunteers-only-1366x768.png",
                                    "--window-size=1366,768", "--hide-scrollbars"])
    }
}
