import Testing
@testable import Forms

@Test func xmlTreeKeepsPrefixedNamesAttributesAndMixedText() throws {
    let tree = try XMLTree.parse(Array("""
        <?xml version="1.0"?><w:p xmlns:w="urn:w" w:val="1">Т.А.Ә.<w:r>Иванов &amp; К°</w:r>тек<![CDATA[<сырой>]]></w:p>
        """.utf8))
    #expect(tree.root.name == "w:p")
    #expect(tree.root["w:val"] == "1")
    #expect(tree.root.first("w:r")?.text == "Иванов & К°")
    #expect(tree.root.text == "Т.А.Ә.Иванов & К°тек<сырой>")
    #expect(tree.root.children.count == 3)
}

@Test func billionLaughsIsRefusedBeforeExpansion() {
    var doc = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
    for i in 1...9 { doc += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1 == 0 ? "" : String(i - 1));", count: 10) + "\">" }
    doc += "]><lolz>&lol9;</lolz>"
    do { _ = try XMLTree.parse(Array(doc.utf8)); Issue.record("parsed") } catch { #expect(error.kind == .limitReached) }
}

@Test func xmlNestedTenThousandDeepHitsTheDepthLimit() {
    let doc = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
    do { _ = try XMLTree.parse(Array(doc.utf8)); Issue.record("parsed") } catch { #expect(error.kind == .limitReached) }
}

@Test func xmlJustUnderTheDepthLimitParses() throws {
    let doc = String(repeating: "<a>", count: 200) + "дно" + String(repeating: "</a>", count: 200)
    #expect(try XMLTree.parse(Array(doc.utf8)).root.text == "дно")
}

@Test func xmlElementCountAndTextLimitsAreEnforced() {
    let many = "<r>" + String(repeating: "<x/>", count: 50) + "</r>"
    do { _ = try XMLTree.parse(Array(many.utf8), limits: .init(maxElements: 20)); Issue.record("parsed") } catch {
        #expect(error.kind == .limitReached)
    }
    let long = "<r>" + String(repeating: "ә", count: 1_000) + "</r>"
    do { _ = try XMLTree.parse(Array(long.utf8), limits: .init(maxCharacters: 100)); Issue.record("parsed") } catch {
        #expect(error.kind == .limitReached)
    }
}

@Test func malformedXMLIsCorrupt() {
    for doc in ["<a><b></a>", "", "<a>", "not xml at all"] {
        do { _ = try XMLTree.parse(Array(doc.utf8)); Issue.record("parsed \(doc)") } catch { #expect(error.kind == .corrupt) }
    }
}

@Test func externalEntitiesAreNotFetched() {
    let doc = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
    do {
        let tree = try XMLTree.parse(Array(doc.utf8))
        #expect(!tree.root.text.contains("root:"))
    } catch {
        #expect(error.kind == .limitReached)
    }
}
