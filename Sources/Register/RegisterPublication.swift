import OrderedJSON
/// Everything the ministry's website serves of the register: each format in each language.
public enum RegisterPublication {
    /// The files and their bytes, in a fixed order: HTML, CSV and XLSX in Kazakh and Russian, then JSON.
    public static func files(_ rows: [RegisterRow], updated: String) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        for format in RegisterFormat.allCases {
            for language in format.perLanguage ? RegisterLanguage.allCases : [.kk] {
                files.append((format.fileName(language), format.bytes(rows, language: language, updated: updated)))
            }
        }
        return files
    }

    /// Writes every file into `directory`, each atomically, and returns their names. The pages
    /// link to each other and to the downloads, so all are written before any is reported done;
    /// a failure leaves earlier files replaced and the rest as they were, each whole.
    @discardableResult
    public static func write(_ rows: [RegisterRow], to directory: String, updated: String) throws(AtomicFile.Failure) -> [String] {
        var names: [String] = []
        for file in files(rows, updated: updated) {
            try AtomicFile.write(file.bytes, to: directory + "/" + file.name)
            names.append(file.name)
        }
        return names
    }
}
