import OrderedJSON
import Foundation
import Register
import Testing

@Test func jsonExportRoundTripsTheRegister() throws {
    let bytes = RegisterJSON.bytes(Sample.rows, updated: Sample.updated)
    let back = try #require(RegisterJSON.read(bytes))
    #expect(back.rows == Sample.rows)
    #expect(back.updated == Sample.updated)
    #expect(RegisterJSON.bytes(back.rows, updated: back.updated) == bytes)
    #expect(RegisterJSON.read(Array("{}".utf8)) == nil)
}

@Test func jsonExportHasStableEnglishKeysAndColumnElevenInBothLanguages() throws {
    let bytes = RegisterJSON.bytes(Sample.rows, updated: Sample.updated)
    let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(object.keys.sorted() == ["entries", "updated"])
    let entries = try #require(object["entries"] as? [[String: Any]])
    #expect(entries.count == Sample.rows.count)
    #expect(entries[0].keys.sorted() == ["actions", "contacts", "coordinatorOrOrganizer", "created", "groupLeader", "kind",
                                         "number", "organization", "organizationHead", "programs", "terminated",
                                         "termination", "updated", "volunteer"])
    #expect(entries[0]["termination"] is NSNull)
    let coordinator = try #require(entries.first { $0["kind"] as? String == "coordinator" })
    #expect(coordinator["terminated"] as? Bool == true)
    let termination = try #require(coordinator["termination"] as? [String: String])
    #expect(termination == ["date": "2026-02-01", "note": "",
                            "kk": "Волонтерлік қызмет тоқтатылды: 01.02.2026",
                            "ru": "Волонтерская деятельность прекращена: 01.02.2026"])
    // Keys in a fixed order and URLs unescaped, so the file diffs cleanly from one publication to the next.
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"entries\" : ["))
    #expect(text.contains("https://qamqor.kz/volunteers"))
}
