// The source compiler of host executables (runtime/compile_hook.h): eval,
// exec and compile() run Taipan's own frontend, bytecode emitter and .mpy
// writer inside the program, and hand the .mpy image to the runtime's
// loader. Normal host C++: the std objects live in CompileToMpy, which
// returns before anything can raise (a Python exception is a longjmp that
// would skip their destructors), or in statics.
#include <string>
#include <utility>
#include <vector>

#include "backends/bytecode/bytecode.h"
#include "backends/mpy/mpy.h"
#include "frontend/frontend.h"
#include "runtime/bytes.h"
#include "runtime/compile_hook.h"
#include "runtime/qstr.h"
#include "runtime/runtime.h"
#include "runtime/str.h"

namespace taipan::host {

namespace {

// Expression statements of module code (not those in functions or
// classes), whose values "single" mode prints, as source byte ranges.
void FindModuleExpressions(const Ast& ast, NodeId id, std::vector<std::pair<uint32_t, uint32_t>>* ranges) {
  if (id == kNoNode) return;
  const Node& node = ast[id];
  if (node.kind == NodeKind::FunctionDef || node.kind == NodeKind::ClassDef) return;
  if (node.kind == NodeKind::Expr) {
    const Node& value = ast[node.a];
    ranges->push_back({value.begin, value.end});
    return;
  }
  for (NodeId child : {node.a, node.b, node.c}) FindModuleExpressions(ast, child, ranges);
  for (NodeList list : {node.list, node.list2})
    for (NodeId child : ast.List(list)) FindModuleExpressions(ast, child, ranges);
}

// "single" mode (the REPL's): each module-level expression statement prints
// the repr of its value unless it is None. The bytecode has no opcode for
// that, so the statement's text is wrapped in a comprehension that does it
// (on the same line, so line numbers stay right). False when the text does
// not parse: compiling it as it is reports the error.
bool WrapExpressionsToPrint(std::string* text) {
  FrontendResult parsed = RunFrontend("<single>", *text, FrontendStage::Ast);
  if (!parsed.ok()) return false;
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  FindModuleExpressions(parsed.ast, parsed.ast.root, &ranges);
  for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
    if (it->second > text->size() || it->first > it->second) return false;
    text->insert(it->second, ")] if __taipan_v is not None]");
    text->insert(it->first, "[print(repr(__taipan_v)) for __taipan_v in [(");
  }
  return true;
}

// The exception a diagnostic raises: IndentationError (or its TabError)
// for the indentation ones, SyntaxError for the rest.
const rt::Type* ErrorTypeOf(DiagKind kind) {
  switch (kind) {
    case DiagKind::TabError: return &rt::kTabErrorType;
    case DiagKind::UnindentMismatch:
    case DiagKind::UnexpectedIndent:
    case DiagKind::ExpectedIndentedBlock: return &rt::kIndentationErrorType;
    default: return &rt::kSyntaxErrorType;
  }
}

// Whether the wrapped eval text made exactly the one assignment, of an
// expression the wrapper's parentheses did not make valid: a walrus the
// text starts with (eval("x := 1")) is only valid in parentheses of its own.
bool IsOneEvalExpression(const Ast& ast, size_t user_start) {
  std::span<const NodeId> body = ast.List(ast[ast.root].list);
  if (body.size() != 1) return false;
  const Node& value = ast[ast[body[0]].a];
  return !(value.kind == NodeKind::NamedExpr && value.begin == user_start);
}

// The .mpy for `source`, or false with the first diagnostic's message and
// the exception type it raises.
bool CompileToMpy(std::string_view source, std::string filename, rt::CompileMode mode, std::vector<uint8_t>* mpy,
                  std::string* error, const rt::Type** error_type) {
  *error_type = &rt::kSyntaxErrorType;
  std::string text(source);
  size_t user_start = 0;  // eval: where the expression starts in the wrapped text
  if (mode == rt::CompileMode::kEval) {
    // Module code cannot return a value: the expression is assigned to a
    // global that eval() takes back (compile_hook.h). The wrapper starts on
    // the expression's first line so line numbers stay right, and the
    // parentheses accept exactly what an expression may span.
    if (text.find_first_not_of(" \t\r\n\f") == std::string::npos) {
      *error = "unexpected EOF while parsing";
      return false;
    }
    user_start = sizeof(rt::kEvalResultName) - 1 + 4 + text.find_first_not_of(" \t\r\n\f");
    text = std::string(rt::kEvalResultName) + " = (" + text + "\n)\n";
  } else if (mode == rt::CompileMode::kSingle) {
    WrapExpressionsToPrint(&text);
  }
  FrontendResult result = RunFrontend(filename, text);
  // Text that closes the wrapper's parenthesis itself ("1)\n(2") would
  // make more than the one assignment.
  if (mode == rt::CompileMode::kEval && result.ok() && !IsOneEvalExpression(result.ast, user_start)) {
    *error = "invalid syntax";
    return false;
  }
  bytecode::Module module;
  if (result.ok()) module = bytecode::Compile(result.ast, result.scopes, result.source, filename, result.diags);
  if (!result.ok()) {
    *error = result.diags.list().front().message;
    *error_type = ErrorTypeOf(result.diags.list().front().kind);
    return false;
  }
  *mpy = mpy::WriteMpy(module);
  return true;
}

rt::Value CompileSource(const char* source, size_t length, rt::Qstr filename, rt::CompileMode mode) {
  size_t name_length;
  const char* name = rt::QstrData(filename, &name_length);
  // Kept between calls so that a MemoryError raised while the result is
  // copied into the GC heap skips no destructor.
  static std::vector<uint8_t> mpy;
  static std::string error;
  const rt::Type* error_type;
  if (CompileToMpy(std::string_view(source, length), std::string(name, name_length), mode, &mpy, &error, &error_type))
    return rt::NewBytes(mpy.data(), mpy.size());
  rt::RaiseWithArg(error_type, rt::NewStr(error.data(), error.size()));
}

}  // namespace

void InstallSourceCompiler() { rt::SetSourceCompiler(CompileSource); }

}  // namespace taipan::host
