// swift-tools-version:6.0
// tizilim: the volunteer@mki.gov.kz mailbox, answered.
// No SwiftPM package dependencies by design: the toolchain plus system C libraries.
import PackageDescription

let package = Package(
    name: "tizilim",
    products: [
        .executable(name: "tizilim", targets: ["tizilim"]),
        .executable(name: "tizilim-pdftext", targets: ["tizilim-pdftext"]),
        .executable(name: "tizilim-ocr", targets: ["tizilim-ocr"]),
        .library(name: "MIME", targets: ["MIME"]),
    ],
    targets: [
        // System libraries, reached through module maps; the Debian -dev packages provide them.
        .systemLibrary(name: "CCurl", path: "Sources/CCurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CXML2", path: "Sources/CXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler",
                       providers: [.apt(["libpoppler-private-dev"])]),
        .systemLibrary(name: "CTesseract", path: "Sources/CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev", "libheif-dev"])]),
        // curl_easy_setopt is variadic, which Swift cannot call: typed wrappers in C.
        .target(name: "CCurlShim", dependencies: ["CCurl"], path: "Sources/CCurlShim",
                linkerSettings: [.linkedLibrary("curl")]),

        // RFC 5322 / MIME: parsing and building messages. Knows nothing of files, SQL or the law.
        .target(name: "MIME", dependencies: ["Dates"], path: "Sources/MIME"),
        // The Annex 2 vocabulary the other modules share: who applies and which fields the forms have.
        .target(name: "Annex2", path: "Sources/Annex2"),
        // Calendar dates without a zone, and their arithmetic: one implementation for mail dates,
        // legal terms and form dates.
        .target(name: "Dates", path: "Sources/Dates"),
        // JSON with object keys in the order given: `--json`, stored readings, the register's files.
        .target(name: "OrderedJSON", path: "Sources/OrderedJSON"),
        .target(name: "Cases", dependencies: ["Dates", "Annex2"], path: "Sources/Cases"),
        // Signed documents (CMS/PKCS#7, S/MIME): the content, the signers, what was verified. libcrypto.
        .target(name: "Signatures", dependencies: ["CCrypto"], path: "Sources/Signatures"),

        // Annex 2 forms: reading DOCX/ODT/HTML/text into documents, the form catalogue, validation.
        .target(name: "Forms", dependencies: ["MIME", "Annex2", "Dates", "CZlib", "CXML2", "Signatures"], path: "Sources/Forms"),

        // SQLite through the C API: schema, migrations, transactions. Knows nothing of parsing.
        .target(name: "Store", dependencies: ["CSQLite", "Dates", "Cases"], path: "Sources/Store"),

        // The applicant's notices in Kazakh and Russian: templates, rendering, the outgoing message.
        .target(name: "Notices", dependencies: ["MIME", "Annex2", "Dates", "Cases"], path: "Sources/Notices"),

        // Mail transport: the Maildir (delivery, claim, watching), IMAP fetch and SMTP send through libcurl.
        .target(name: "Mailbox", dependencies: ["CCurlShim", "CCurl"], path: "Sources/Mailbox"),

        // Annex 1: the register's public columns and its exports for the ministry's website.
        .target(name: "Register", dependencies: ["Annex2", "Dates", "OrderedJSON", "CZlib"], path: "Sources/Register"),

        // One message or one timer through parser, forms, case machine and store, in one transaction.
        .target(name: "Intake", dependencies: ["MIME", "Annex2", "Dates", "OrderedJSON", "Forms", "Cases", "Store", "Notices", "Mailbox", "Register", "CCrypto", "Signatures"],
                path: "Sources/Intake"),

        // The daemon: typed settings, the installation opened for work, the pass and the loop
        // around it (signals, systemd, the store's lock, outages, metrics). Reports typed events.
        .target(name: "Service", dependencies: ["Dates", "MIME", "Forms", "Cases", "Store", "Notices", "Mailbox", "Register", "Intake", "Signatures"],
                path: "Sources/Service"),

        // The command line as a library, so tests drive it in-process. Formats what the library
        // returns; links no C library of its own.
        .target(name: "CLI", dependencies: ["MIME", "Annex2", "Dates", "OrderedJSON", "Forms", "Cases", "Store", "Notices", "Mailbox", "Register", "Intake",
                                            "Service", "Signatures"],
                path: "Sources/CLI"),
        .executableTarget(name: "tizilim", dependencies: ["CLI"], path: "Sources/tizilim"),
        // pdftotext -layout as a fork server (PDFText): poppler loaded once, a fresh child per PDF.
        .executableTarget(name: "tizilim-pdftext", dependencies: ["CPoppler"], path: "Sources/tizilim-pdftext"),
        // One scanned page through Tesseract (OCRText): a bounded child per page.
        .executableTarget(name: "tizilim-ocr", dependencies: ["CTesseract"], path: "Sources/tizilim-ocr",
                          linkerSettings: [.linkedLibrary("lept"), .linkedLibrary("heif")]),

        // Benchmarks and fuzzing: built on demand (see Benchmarks/README.md and README.md).
        .executableTarget(name: "mime-bench", dependencies: ["MIME"], path: "Benchmarks/Sources/mime-bench"),
        .executableTarget(name: "intake-bench", dependencies: ["Dates", "OrderedJSON", "Intake", "Mailbox", "Store", "Cases"],
                          path: "Benchmarks/Sources/intake-bench"),
        .target(name: "FuzzDriver", path: "Tests/Fuzz/FuzzDriver"),
        .executableTarget(name: "mime-fuzz", dependencies: ["MIME", "FuzzDriver"], path: "Tests/Fuzz/mime-fuzz"),
        .executableTarget(name: "forms-fuzz", dependencies: ["Forms", "Annex2", "Register", "FuzzDriver"], path: "Tests/Fuzz/forms-fuzz"),
        .executableTarget(name: "container-fuzz", dependencies: ["Forms", "Signatures", "FuzzDriver"],
                          path: "Tests/Fuzz/container-fuzz"),
        .executableTarget(name: "text-form-fuzz", dependencies: ["Forms", "Annex2", "MIME", "FuzzDriver"], path: "Tests/Fuzz/text-form-fuzz"),

        .testTarget(name: "MIMETests", dependencies: ["MIME"], path: "Tests/MIMETests", exclude: ["Fixtures"]),
        .testTarget(name: "FormsTests", dependencies: ["Forms", "Annex2", "MIME", "Register", "TestRig", "Signatures"], path: "Tests/FormsTests", exclude: ["Fixtures"]),
        .testTarget(name: "StoreTests", dependencies: ["Dates", "Store", "Cases"], path: "Tests/StoreTests"),
        .testTarget(name: "NoticesTests", dependencies: ["Dates", "Notices", "Annex2", "MIME", "Forms", "Cases"], path: "Tests/NoticesTests"),
        // Real servers for tests: Dovecot and an SMTP server on loopback, started and stopped here.
        .target(name: "TestRig", path: "Tests/TestRig", exclude: ["rig"]),
        .testTarget(name: "MailboxTests", dependencies: ["Mailbox", "TestRig"], path: "Tests/MailboxTests"),
        .testTarget(name: "RegisterTests", dependencies: ["OrderedJSON", "Dates", "Register", "Annex2", "Forms", "Intake"], path: "Tests/RegisterTests"),
        .testTarget(name: "IntakeTests", dependencies: ["OrderedJSON", "Dates", "Intake", "Annex2", "Register", "MIME", "Forms", "Cases", "Store", "Notices", "Mailbox", "TestRig", "Signatures"],
                    path: "Tests/IntakeTests"),
        .testTarget(name: "CLITests", dependencies: ["OrderedJSON", "Dates", "CLI", "Service", "Annex2", "MIME", "Forms", "Register", "Store", "Mailbox", "TestRig"], path: "Tests/CLITests"),
        .testTarget(name: "SignaturesTests", dependencies: ["Signatures", "TestRig"], path: "Tests/SignaturesTests"),
        .testTarget(name: "CasesTests", dependencies: ["Cases", "Annex2", "Dates"], path: "Tests/CasesTests"),
    ],
    // Poppler's headers need C++17.
    cxxLanguageStandard: .cxx17
)
