import Engine
import Foundation
import Testing

private func csvError(_ text: String) -> DataTableError? {
    do {
        _ = try DataTable(csv: text, source: "data.csv")
        return nil
    } catch {
        return error
    }
}

@Suite("Data tables")
struct DataTableTests {
    @Test("spaces, CRLF, a BOM, quoted names, blank and trailing lines, number forms")
    func lenientFormatting() throws {
        let text = "\u{FEFF} \"x\" ,  y \r\n\r\n  1.5 , -2e-3\r\n+3,.25\r\n\r\n   \r\n"
        let table = try DataTable(csv: text, source: "data.csv")
        #expect(table.columnNames == ["x", "y"])
        #expect(table.values == [1.5, -0.002, 3, 0.25])
    }

    @Test("semicolon- and tab-separated files read like comma-separated ones", arguments: [
        "x;y\n0;0\n1;1\n1;2\n2;1\n", "x\ty\n0\t0\n1\t1\n1\t2\n2\t1\n", " x ; y \r\n0; 0\r\n1 ;1\r\n1;2\r\n2;1\r\n",
    ])
    func separators(text: String) throws {
        let table = try DataTable(csv: text, source: "data.csv")
        #expect(table.columnNames == ["x", "y"])
        #expect(table.values == [0, 0, 1, 1, 1, 2, 2, 1])
    }

    @Test("one-line errors with line and column", arguments: [
        ("", "data.csv: empty file", nil as Int?, nil as String?),
        ("\n  \n", "data.csv: empty file", nil, nil),
        ("x,y\n", "data.csv: no data rows after the header", nil, nil),
        ("x,y\n1,2\n3,4\n5,6,7\n", "data.csv line 4: expected 2 fields separated by ',', found 3", 4, nil),
        ("x,y\n1,2\n3\n", "data.csv line 3: expected 2 fields separated by ',', found 1", 3, nil),
        ("x\n1\n2,3\n", "data.csv line 3: expected 1 field separated by ',', found 2", 3, nil),
        ("x;y\n1,5;2\n", "data.csv line 2, column 'x': '1,5' is not a number (fields are separated by ';'; write decimals with a point)", 2, "x"),
        ("x;y\n1;2\n3;4;5\n", "data.csv line 3: expected 2 fields separated by ';', found 3", 3, nil),
        ("x\ty\n1\t2\n3\n", "data.csv line 3: expected 2 fields separated by '\\t', found 1", 3, nil),
        ("x,y;z\n1,2\n", "data.csv line 1: the header mixes the separators ',' and ';'; use one", 1, nil),
        ("x,y\n1,\(String(repeating: "a", count: 300))\n", "data.csv line 2, column 'y': '\(String(repeating: "a", count: 39))…' is not a number", 2, "y"),
        ("\(String(repeating: "b", count: 50)),\(String(repeating: "b", count: 50))\n1,2\n", "data.csv line 1: column name '\(String(repeating: "b", count: 39))…' appears twice (columns 1 and 2)", 1, String(repeating: "b", count: 50)),
        ("x,y\n1,2\n3,abc\n", "data.csv line 3, column 'y': 'abc' is not a number", 3, "y"),
        ("x,y\n1,2\n3,nan\n", "data.csv line 3, column 'y': 'nan' is not a finite number", 3, "y"),
        ("x,y\ninf,2\n", "data.csv line 2, column 'x': 'inf' is not a finite number", 2, "x"),
        ("x,y\n1e999,2\n", "data.csv line 2, column 'x': '1e999' is not a finite number", 2, "x"),
        ("x,y\n0x10,2\n", "data.csv line 2, column 'x': '0x10' is not a number", 2, "x"),
        ("x,y\n1,\n", "data.csv line 2, column 'y': empty field", 2, "y"),
        ("x,x\n1,2\n", "data.csv line 1: column name 'x' appears twice (columns 1 and 2)", 1, "x"),
        ("x,,y\n1,2,3\n", "data.csv line 1: column 2 has an empty name", 1, nil),
        ("0,0\n1,1\n", "data.csv line 1: the first line must name the columns, found only numbers", 1, nil),
    ] as [(String, String, Int?, String?)])
    func errors(text: String, message: String, line: Int?, column: String?) {
        let error = csvError(text)
        #expect(error?.message == message)
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test("in-memory tables: by rows and by columns, checked the same way")
    func inMemory() throws {
        let byRows = try DataTable(columnNames: ["x", "y"], rows: [[0, 0], [1, 1]])
        let byColumns = try DataTable(columns: [("x", [0, 1]), ("y", [0, 1])])
        #expect(byRows == byColumns)
        #expect(throws: DataTableError(message: "table row 2: expected 2 values, found 1")) {
            try DataTable(columnNames: ["x", "y"], rows: [[0, 0], [1]])
        }
        #expect(throws: DataTableError(message: "table row 1, column 'y': nan is not a finite number", column: "y")) {
            try DataTable(columnNames: ["x", "y"], rows: [[0, .nan]])
        }
        #expect(throws: DataTableError(message: "table column 'y': expected 2 values, found 1", column: "y")) {
            try DataTable(columns: [("x", [0, 1]), ("y", [0])])
        }
        #expect(throws: DataTableError(message: "table: column name 'x' appears twice (columns 1 and 2)", column: "x")) {
            try DataTable(columnNames: ["x", "x"], rows: [])
        }
    }
}
