import TestRig
import Foundation
@testable import Mailbox
import Testing

@Suite struct MaildirTests {
    private func freshMaildir() throws -> (Maildir, TemporaryDirectory) {
        let directory = try TemporaryDirectory("maildir")
        let maildir = Maildir(path: "\(directory.path)/Maildir")
        try maildir.create()
        return (maildir, directory)
    }

    @Test func createMakesTmpNewAndCurReadableByTheOwnerOnly() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        for folder in MaildirFolder.allCases {
            let attributes = try FileManager.default.attributesOfItem(atPath: maildir.directory(folder))
            #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
        }
        try maildir.create()  // again: harmless
    }

    @Test func deliveredMessageIsPendingInNewWithItsExactBytes() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        var bytes = TestMessage.make(subject: "bytes")
        bytes += [0x00, 0xFF, 0x0A, 0x0D, 0x2E]  // NUL, invalid UTF-8, bare LF and CR, a dot
        let entry = try maildir.deliver(bytes)

        #expect(entry.folder == .new)
        #expect(entry.name.hasSuffix(",S=\(bytes.count)"))
        #expect(entry.name.contains(".M") && entry.name.contains("P\(getpid())Q"))
        #expect(try maildir.pending() == [entry])
        #expect(try maildir.read(entry) == bytes)
        #expect(try maildir.entries(in: .tmp).isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: entry.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func pendingListsOldestFirstAndSkipsDotfiles() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let first = try maildir.deliver(TestMessage.make(subject: "first"))
        let second = try maildir.deliver(TestMessage.make(subject: "second"))
        // An MTA's file delivered earlier, whatever its name says.
        let older = "\(maildir.directory(.new))/9999999999.zzz.host"
        try Data("older".utf8).write(to: URL(fileURLWithPath: older))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: older)
        try Data("hidden".utf8).write(to: URL(fileURLWithPath: "\(maildir.directory(.new))/.hidden"))

        let names = try maildir.pending().map(\.name)
        #expect(names == ["9999999999.zzz.host", first.name, second.name])
    }

    @Test func deliveriesFromManyThreadsGetDistinctNames() async throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                group.addTask { try maildir.deliver(Array("message \(index)".utf8)).name }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(names.count == 200)
        #expect(try maildir.pending().count == 200)
    }

    @Test func markTakenMovesToCurWithSeenFlagAndKeepsTheBytes() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let bytes = TestMessage.make(subject: "claim")
        let delivered = try maildir.deliver(bytes)
        let taken = try maildir.markTaken(delivered)

        #expect(taken.folder == .cur)
        #expect(taken.name == "\(delivered.name):2,S")
        #expect(taken.baseName == delivered.baseName)
        #expect(taken.flags == "S")
        #expect(taken.deliveredUTCSeconds == delivered.deliveredUTCSeconds)
        #expect(try maildir.pending().isEmpty)
        #expect(try maildir.entries(in: .cur) == [taken])
        #expect(try maildir.read(taken) == bytes)
    }

    @Test func markTakenTwiceIsHarmless() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let delivered = try maildir.deliver(TestMessage.make(subject: "twice"))
        let first = try maildir.markTaken(delivered)
        let again = try maildir.markTaken(delivered)       // the stale entry from new/
        let viaCur = try maildir.markTaken(first)          // the entry from cur/
        #expect(again == first)
        #expect(viaCur == first)
        #expect(try maildir.entries(in: .cur).count == 1)
    }

    @Test func markTakenOfAVanishedMessageIsAClearError() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let delivered = try maildir.deliver(TestMessage.make(subject: "gone"))
        try FileManager.default.removeItem(atPath: delivered.path)
        #expect(throws: MaildirError.messageMissing(name: delivered.baseName, maildir: maildir.path)) {
            try maildir.markTaken(delivered)
        }
        let error = MaildirError.messageMissing(name: delivered.baseName, maildir: maildir.path)
        #expect(error.description.contains("neither new/ nor cur/"))
    }

    @Test func aCrashBetweenDeliveryAndClaimLeavesTheMessagePendingForTheNextStart() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let bytes = TestMessage.make(subject: "crash")
        let delivered = try maildir.deliver(bytes)
        // The process dies here, after its commit, before markTaken. The next start sees:
        let restarted = Maildir(path: maildir.path)
        let pending = try restarted.pending()
        #expect(pending.map(\.name) == [delivered.name])
        #expect(try restarted.read(pending[0]) == bytes)
        let taken = try restarted.markTaken(pending[0])
        #expect(try restarted.find(name: delivered.name) == taken)
    }

    @Test func readFollowsAMessageTakenSinceItWasListed() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let bytes = TestMessage.make(subject: "moved")
        let listed = try maildir.deliver(bytes)
        try maildir.markTaken(listed)
        #expect(try maildir.read(listed) == bytes)
    }

    @Test func findLocatesByBaseNameInNewOrCur() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let waiting = try maildir.deliver(TestMessage.make(subject: "waiting"))
        let taken = try maildir.markTaken(try maildir.deliver(TestMessage.make(subject: "taken")))
        // A message another program flagged differently (Replied, Seen).
        let flaggedName = "1700000000.M1P1Q1.elsewhere:2,RS"
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(maildir.directory(.cur))/\(flaggedName)"))

        #expect(try maildir.find(name: waiting.name) == waiting)
        #expect(try maildir.find(name: taken.baseName) == taken)
        #expect(try maildir.find(name: taken.name) == taken)
        #expect(try maildir.find(name: "1700000000.M1P1Q1.elsewhere")?.flags == "RS")
        #expect(try maildir.find(name: "1.M1P1Q1.nowhere") == nil)
    }

    @Test func sweepRemovesOnlyTemporaryFilesOlderThan36Hours() throws {
        let (maildir, directory) = try freshMaildir()
        defer { directory.remove() }
        let stale = "\(maildir.directory(.tmp))/stale"
        let fresh = "\(maildir.directory(.tmp))/fresh"
        try Data("half a message".utf8).write(to: URL(fileURLWithPath: stale))
        try Data("still being written".utf8).write(to: URL(fileURLWithPath: fresh))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -37 * 3600)], ofItemAtPath: stale)
        let pending = try maildir.deliver(TestMessage.make(subject: "kept"))

        #expect(try maildir.sweepStaleTemporaryFiles() == ["stale"])
        #expect(try maildir.entries(in: .tmp).map(\.name) == ["fresh"])
        #expect(try maildir.pending() == [pending])
    }
}

@Test func namesOfOneTickOrderByTheirNumbersNotTheirSpelling() {
    #expect(Maildir.deliveryKey("1795300094.M999P684Q12.vm,S=10").lexicographicallyPrecedes(
        Maildir.deliveryKey("1795300094.M1000P684Q2.vm,S=10")))
    #expect(Maildir.deliveryKey("1795300094.M5P684Q9.vm").lexicographicallyPrecedes(Maildir.deliveryKey("1795300094.M5P684Q10.vm")))
    #expect(Maildir.deliveryKey("1700000000.M1P1.test") == [1700000000, 1, 0])
    #expect(Maildir.deliveryKey("plain-name") == [0])
}
