import Foundation

/// A chat message.
public struct ChatMessage: Sendable, Equatable {
    public enum Role: String, Sendable { case system, user, assistant }
    public var role: Role
    public var content: String
    public init(role: Role, content: String) { self.role = role; self.content = content }
}

/// The chat prompt formats this decoder knows, chosen from `tokenizer.chat_template`.
public enum ChatTemplate: Sendable, Equatable {
    /// `<|im_start|>role\ncontent<|im_end|>\n` (SmolLM2, Qwen2.5). `defaultSystem` is the
    /// system message the model's template inserts when the conversation has none.
    case chatML(defaultSystem: String?)
    /// Llama 3: `<|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|>`.
    case llama3

    /// Picks the format from the Jinja template text stored in the model.
    public init(templateText: String?) {
        guard let t = templateText else { self = .chatML(defaultSystem: nil); return }
        if t.contains("<|start_header_id|>") { self = .llama3; return }
        // Templates that insert a system message carry its text as a literal.
        let markers = ["<|im_start|>system\\n", "<|im_start|>system\n"]
        for m in markers {
            if let r = t.range(of: m) {
                let rest = t[r.upperBound...]
                if let end = rest.range(of: "<|im_end|>") {
                    let s = String(rest[..<end.lowerBound])
                    if !s.contains("{") && !s.contains("}") { self = .chatML(defaultSystem: s); return }
                }
            }
        }
        self = .chatML(defaultSystem: nil)
    }

    /// The prompt text for `messages`, ending with the opening of the assistant's turn.
    public func render(_ messages: [ChatMessage]) -> String {
        var out = ""
        switch self {
        case .chatML(let defaultSystem):
            if messages.first?.role != .system, let s = defaultSystem {
                out += "<|im_start|>system\n\(s)<|im_end|>\n"
            }
            for m in messages { out += "<|im_start|>\(m.role.rawValue)\n\(m.content)<|im_end|>\n" }
            out += "<|im_start|>assistant\n"
        case .llama3:
            out += "<|begin_of_text|>"
            for m in messages { out += "<|start_header_id|>\(m.role.rawValue)<|end_header_id|>\n\n\(m.content)<|eot_id|>" }
            out += "<|start_header_id|>assistant<|end_header_id|>\n\n"
        }
        return out
    }
}
