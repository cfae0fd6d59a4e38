// The canonical form of rules: one statement a line, single spaces, no comments. Tests parse,
// print, parse and print again and expect the same text (RE2's parse_test); `svpol rules
// dump` prints it.
#include <boost/variant/get.hpp>
#include <string>

#include "rules/compiled.hpp"
#include "svpol/rules.hpp"

namespace svpol::rules {

namespace detail {
namespace {

namespace x3 = boost::spirit::x3;

class printer {
 public:
  explicit printer(std::string& out) : out_(out) {}

  void rule(const ast::rule_def& r) {
    out_ += "rule " + r.id + " : " + r.label;
    if (r.priority) out_ += " priority " + std::to_string(*r.priority);
    out_ += " {\n";
    for (const auto& st : r.body) {
      out_ += "  ";
      if (const auto* s = boost::get<ast::set_stmt>(&st)) {
        out_ += "set ";
        for (std::size_t i = 0; i < s->size(); ++i) {
          if (i) out_ += ", ";
          assignment((*s)[i]);
        }
      } else if (const auto* w = boost::get<ast::where_stmt>(&st)) {
        out_ += "where ";
        for (std::size_t i = 0; i < w->size(); ++i) {
          if (i) out_ += ", ";
          constraint((*w)[i]);
        }
      } else {
        out_ += "match ";
        alternatives(boost::get<ast::match_stmt>(st).pattern);
      }
      out_ += ";\n";
    }
    out_ += "}\n";
  }

 private:
  void assignment(const ast::assignment& a) {
    if (const auto* v = boost::get<ast::assign_value>(&a)) {
      out_ += v->key + "=";
      const bool bare = !v->value.empty() &&
                        v->value.find_first_not_of(
                            "abcdefghijklmnopqrstuvwxyz"
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:/-") == std::string::npos;
      out_ += bare ? v->value : "\"" + v->value + "\"";
    } else {
      const auto& f = boost::get<ast::assign_from>(a);
      out_ += f.key + " from " + f.source;
    }
  }

  void constraint(const ast::constraint& c) {
    if (c.negated) out_ += "not ";
    switch (c.kind) {
      case ast::constraint_kind::question:
        out_ += "question";
        break;
      case ast::constraint_kind::negated:
        out_ += "negated";
        break;
      case ast::constraint_kind::clause:
        out_ += "clause";
        break;
      case ast::constraint_kind::subordinate:
        out_ += "subordinate";
        break;
    }
  }

  void alternatives(const ast::alternatives& a) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i) out_ += " | ";
      for (std::size_t j = 0; j < a[i].size(); ++j) {
        if (j) out_ += ' ';
        item(a[i][j]);
      }
    }
  }

  void item(const ast::item& it) {
    if (!it.capture.empty()) out_ += it.capture + ":";
    if (boost::get<ast::any_token>(&it.body)) {
      out_ += "[]";
    } else if (const auto* t = boost::get<ast::or_test>(&it.body)) {
      out_ += '[';
      or_test(*t);
      out_ += ']';
    } else {
      out_ += '(';
      alternatives(boost::get<x3::forward_ast<ast::alternatives>>(it.body).get());
      out_ += ')';
    }
    out_ += ast::quantifier_text(it.quant);
  }

  void or_test(const ast::or_test& t) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (i) out_ += " | ";
      for (std::size_t j = 0; j < t[i].size(); ++j) {
        if (j) out_ += " & ";
        const ast::unary& u = t[i][j];
        if (u.negated) out_ += '!';
        if (const auto* a = boost::get<ast::attr_test>(&u.operand)) {
          out_ += a->attr + a->op + "\"" + a->val.text + "\"";
          if (!a->val.flags.empty()) out_ += "%" + a->val.flags;
        } else {
          out_ += '(';
          or_test(boost::get<x3::forward_ast<ast::or_test>>(u.operand).get());
          out_ += ')';
        }
      }
    }
  }

  std::string& out_;
};

}  // namespace
}  // namespace detail

std::string dump(const rule_set& rules) {
  std::string out;
  detail::printer p(out);
  const auto& data = detail::access::data(rules);
  for (std::size_t i = 0; i < data.rules.size(); ++i) {
    if (i) out += '\n';
    p.rule(data.rules[i].def);
  }
  return out;
}

}  // namespace svpol::rules
