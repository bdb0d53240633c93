import Foundation

/// A llama.cpp build outside the repository, used as the reference in benchmarks.
///
/// Either llama.cpp's own tools (`llama-bench`, `llama-batched-bench`), found through
/// `$LLAMA_CPP_DIR` (its `bin` directory or the build directory) or
/// `/work/peers/llama.cpp/build/bin`; or, when those are not built, a small probe program linked
/// against libllama (`$LLAMA_PROBE`, default `/work/peers/tools/llama-probe`) whose
/// `bench MODEL THREADS REPS` prints `pp512`, `tg128` and `sharedN` rows measured the same way
/// as `DecoderBenchmark` (synthetic tokens, medians).
public struct LlamaCppPeer: Sendable {
    public let binDirectory: String
    /// The probe program, when llama.cpp's bench tools are absent.
    public let probe: String?

    /// A description for the benchmark header.
    public var description: String { probe.map { "\($0) (libllama in \(binDirectory))" } ?? binDirectory }

    public static func find() -> LlamaCppPeer? {
        var candidates: [String] = []
        let env = ProcessInfo.processInfo.environment
        if let d = env["LLAMA_CPP_DIR"], !d.isEmpty {
            candidates += [d, d + "/bin", d + "/build/bin"]
        }
        candidates.append("/work/peers/llama.cpp/build/bin")
        for c in candidates where FileManager.default.isExecutableFile(atPath: c + "/llama-bench") {
            return LlamaCppPeer(binDirectory: c, probe: nil)
        }
        let probe = env["LLAMA_PROBE"].flatMap { $0.isEmpty ? nil : $0 } ?? "/work/peers/tools/llama-probe"
        if FileManager.default.isExecutableFile(atPath: probe) {
            for c in candidates where FileManager.default.fileExists(atPath: c + "/libllama.so") {
                return LlamaCppPeer(binDirectory: c, probe: probe)
            }
        }
        return nil
    }

    /// With the probe: every row for one thread count, measured in one run.
    public func measureWithProbe(modelPath: String, threads: Int, repetitions: Int) -> [DecoderBenchmarkKind: Double] {
        guard let probe else { return [:] }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: probe)
        p.arguments = ["bench", modelPath, "\(threads)", "\(min(max(repetitions, 1), 16))"]
        var environment = ProcessInfo.processInfo.environment
        environment["LD_LIBRARY_PATH"] = binDirectory + (environment["LD_LIBRARY_PATH"].map { ":" + $0 } ?? "")
        p.environment = environment
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return [:] }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var rows: [DecoderBenchmarkKind: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count == 3, let v = Double(f[2]) else { continue }
            let name = String(f[0])
            if name == "pp512" { rows[.prompt(512)] = v } else if name == "tg128" { rows[.generation(128)] = v } else if name.hasPrefix("shared"),
                let s = Int(name.dropFirst(6)) {
                rows[.shared(sequences: s, prompt: 256, tokens: 32)] = v
            }
        }
        return rows
    }

    /// Runs a tool and returns its standard output, or nil on failure.
    func run(_ tool: String, _ arguments: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binDirectory + "/" + tool)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// llama.cpp's tokens/s for the same measurement, or nil if it could not be run.
    public func measure(_ kind: DecoderBenchmarkKind, modelPath: String, threads: Int, repetitions: Int) -> Double? {
        switch kind {
        case .prompt(let n):
            return bench(["-p", "\(n)", "-n", "0"], modelPath, threads, repetitions)
        case .generation(let n):
            return bench(["-p", "0", "-n", "\(n)"], modelPath, threads, repetitions)
        case .adapterGeneration:
            return nil
        case .shared(let s, let p, let g):
            guard let out = run("llama-batched-bench", ["-m", modelPath, "-t", "\(threads)", "-tb", "\(threads)", "-c", "\(p + s * g + 16)",
                                                       "-b", "2048", "-ub", "512", "-npp", "\(p)", "-ntg", "\(g)", "-npl", "\(s)", "-pps",
                                                       "--output-format", "jsonl"]) else { return nil }
            for line in out.split(separator: "\n") where line.hasPrefix("{") {
                if let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                   let v = obj["speed_tg"] as? Double { return v }
            }
            return nil
        }
    }

    private func bench(_ args: [String], _ model: String, _ threads: Int, _ reps: Int) -> Double? {
        guard let out = run("llama-bench", ["-m", model, "-t", "\(threads)", "-r", "\(reps)", "-o", "jsonl"] + args) else { return nil }
        for line in out.split(separator: "\n") where line.hasPrefix("{") {
            if let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
               let v = obj["avg_ts"] as? Double { return v }
        }
        return nil
    }
}
