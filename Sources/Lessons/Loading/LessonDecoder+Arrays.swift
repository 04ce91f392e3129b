import Engine
import Foundation

extension LessonDecoder {
    /// `parameters = ["a[4]", "b", "C[20,20]"]`: declarations, with a line naming the bad one.
    func decodeDeclarations(_ r: TableReader, _ names: [String]) throws -> [ParameterDeclaration] {
        var declarations: [ParameterDeclaration] = []
        for (i, text) in names.enumerated() {
            let declaration: ParameterDeclaration
            do { declaration = try ParameterDeclaration(parsing: text) } catch { throw r.error("parameters[\(i)]", error.message) }
            guard !declarations.contains(where: { $0.name == declaration.name }) else {
                throw r.error("parameters", "the name '\(declaration.name)' appears twice")
            }
            declarations.append(declaration)
        }
        return declarations
    }

    /// `constants = { C = [[…], …], y = [1, 2], lambda = 0.1, X = "points.csv", t = { file = "data.csv", column = "y" } }`:
    /// numbers, vectors and matrices written in the lesson, a CSV file in the lesson folder read whole as
    /// a matrix (rows × columns, header names skipped), or one of its columns as a vector.
    func decodeConstants(_ r: TableReader) throws -> [String: ArrayValue] {
        guard let table = try r.table("constants") else { return [:] }
        var constants: [String: ArrayValue] = [:]
        for name in table.keys {
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true,
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw table.error(name, "'\(name)' is not a valid name (letters, digits, '_', not starting with a digit)")
            }
            if table.holdsTable(name), let source = try table.table(name) {
                let file = try source.requiredString("file")
                let column = try source.requiredString("column")
                try source.finish()
                constants[name] = try constantFile(source, "file", file: file, column: column)
            } else if let file = try? table.string(name) {
                constants[name] = try constantFile(table, name, file: file, column: nil)
            } else if let (shape, elements) = try table.numberArray(name) {
                guard !elements.isEmpty else { throw table.error(name, "is empty") }
                constants[name] = ArrayValue(shape: ArrayShape(shape), elements: elements)
            }
        }
        try table.finish()
        return constants
    }

    /// The CSV file `name` (as the lesson wrote it under `key`), read safely from the lesson folder;
    /// its errors name the key and show the file beside the lesson file.
    func lessonCSV(_ r: TableReader, _ key: String, _ name: String) throws -> DataTable {
        let path: String
        do { path = try SafeFile.resolve(name, inside: folder) } catch { throw r.error(key, error.problem) }
        let shownFolder = (file as NSString).deletingLastPathComponent
        do {
            return try DataTable.loadCSV(at: path, displayName: shownFolder.isEmpty ? name : (shownFolder as NSString).appendingPathComponent(name))
        } catch {
            throw r.error(key, error.message)
        }
    }

    /// A constant read from a CSV file in the lesson folder: the whole table, or one column.
    private func constantFile(_ r: TableReader, _ key: String, file name: String, column: String?) throws -> ArrayValue {
        let table = try lessonCSV(r, key, name)
        guard let column else {
            return ArrayValue(shape: .matrix(table.rowCount, table.columnCount), elements: table.values)
        }
        guard let values = table.column(named: column) else {
            throw r.error("column", "'\(column)' is not a column of \(name) (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        return ArrayValue(vector: values)
    }

    /// `start` (or `expected`): one number per parameter element (`[0.25, 0.25, 0.25, 0.25, 0]`), or a
    /// table by declared name, each a number (every element), the elements written out (a vector's list,
    /// a matrix's rows), a constant of the same shape by name (`{ Y = "T" }`), or, for `start`,
    /// `{ uniform = [low, high], seed = S }` (seeded random elements). Nil when an optional key is absent.
    func decodeElements(_ r: TableReader, _ key: String, declarations: [ParameterDeclaration], parameters: [String],
                        constants: [String: ArrayValue]) throws -> [Double]? {
        guard r.holdsTable(key), let table = try r.table(key) else {
            guard let values = try r.doubles(key) else {
                guard key == "start" else { return nil }
                throw r.error(key, "is required: one number per parameter, or a table by name")
            }
            guard values.count == parameters.count else {
                let shown = parameters.count > 8 ? parameters.prefix(8).joined(separator: ", ") + ", …" : parameters.joined(separator: ", ")
                throw r.error(key, "has \(counted(values.count, "number")) for \(counted(parameters.count, "parameter")) (\(shown))")
            }
            return values
        }
        var values: [Double] = []
        for declaration in declarations {
            let name = declaration.name, count = declaration.shape.count
            guard table.keys.contains(name) else {
                let forms = key == "start" ? "a number, its elements, a constant's name, or { uniform = [low, high], seed = S }"
                    : "a number, its elements, or a constant's name"
                throw table.error(nil, "gives no \(key) for '\(name)' (\(forms))")
            }
            if key == "start", table.holdsTable(name), let rule = try table.table(name) {
                guard let bounds = try rule.doubles("uniform"), bounds.count == 2, bounds[0] < bounds[1] else {
                    throw rule.error("uniform", "expected [low, high] with low < high")
                }
                let seed = try rule.int("seed") ?? 0
                guard seed >= 0 else { throw rule.error("seed", "must be ≥ 0, got \(seed)") }
                try rule.finish()
                var generator = SeededGenerator(seed: UInt64(seed))
                values += (0..<count).map { _ in bounds[0] + (bounds[1] - bounds[0]) * generator.unit() }
                continue
            }
            if let constantName = try? table.string(name) {
                guard let constant = constants[constantName] else {
                    let known = constants.keys.sorted()
                    throw table.error(name, "no constant is named '\(constantName)'" + (known.isEmpty ? " (the problem has no constants)" : " (constants: \(known.joined(separator: ", ")))"))
                }
                guard constant.shape.count == count, constant.shape.dimensions == declaration.shape.dimensions || declaration.shape.dimensions.count <= 1 else {
                    throw table.error(name, "the constant '\(constantName)' has shape \(constant.shape.description); '\(declaration)' needs \(declaration.shape.isScalar ? "one number" : declaration.shape.description)")
                }
                values += constant.elements
                continue
            }
            guard let (shape, elements) = try table.numberArray(name) else { continue }
            if shape.isEmpty {
                values += Array(repeating: elements[0], count: count)
            } else if shape == declaration.shape.dimensions || (shape.reduce(1, *) == count && declaration.shape.dimensions.count <= 1) {
                values += elements
            } else {
                throw table.error(name, "has shape [\(shape.map(String.init).joined(separator: ","))]; '\(declaration)' needs \(declaration.shape.isScalar ? "one number" : declaration.shape.description)")
            }
        }
        try table.finish()
        return values
    }
}
