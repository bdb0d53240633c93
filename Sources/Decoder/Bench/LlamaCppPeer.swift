import Foundation

/// A llama.cpp build outside the repository, used as the reference in benchmarks.
/// Found through `$LLAMA_CPP_DIR` (its `bin` directory or the build directory) or
/// `/work/peers/llama.cpp/build/bin`.
public struct LlamaCppPeer: Sendable {
    public let binDirectory: String

    public static func find() -> LlamaCppPeer? {
        var candidates: [String] = []
        if let d = ProcessInfo.processInfo.environment["LLAMA_CPP_DIR"], !d.isEmpty {
            candidates += [d, d + "/bin", d + "/build/bin"]
        }
        candidates.append("/work/peers/llama.cpp/build/bin")
        for c in candidates where FileManager.default.isExecutableFile(atPath: c + "/llama-bench") {
            return LlamaCppPeer(binDirectory: c)
        }
        return nil
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
