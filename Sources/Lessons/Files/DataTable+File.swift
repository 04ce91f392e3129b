import Engine

extension DataTable {
    /// Loads the CSV file at `path` (see `DataTable.init(csv:source:)` for the format); errors
    /// name it as `displayName`. Only a regular file of at most `DataTable.maximumFileBytes` is
    /// read: a folder, named pipe or device is refused at once.
    ///
    /// ```
    /// lessons/fit/data.csv: is a named pipe, not a regular file
    /// lessons/fit/data.csv line 3, column 'y': 'abc' is not a number
    /// ```
    public static func loadCSV(at path: String, displayName: String) throws(DataTableError) -> DataTable {
        let bytes: [UInt8]
        do {
            bytes = try SafeFile.read(path, limit: DataTable.maximumFileBytes)
        } catch {
            throw DataTableError(message: "\(displayName): \(error.problem)")
        }
        return try DataTable(csv: String(decoding: bytes, as: UTF8.self), source: displayName)
    }
}
