// The grammar of rule files (syntax: lexicons/sv/rules/README.md).
//
// Only the structure is checked here; names (labels, attributes, lexicon classes), regular
// expressions and quantifier bounds are checked in compile.cpp, which can say what would
// have been valid. Every `>` has a named rule or a literal on its right so that X3's
// expectation_failure::which() reads well in "expected ..." messages.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>

#include "rules/ast.hpp"
#include "rules/ast_adapted.hpp"

namespace svpol::rules::grammar {

namespace x3 = boost::spirit::x3;
using x3::char_;
using x3::lexeme;
using x3::lit;

// Identifiers are ASCII by design: they are names in the rule language, not Swedish text.
auto const word_char = char_("a-zA-Z0-9_");
inline auto kw(const char* s) { return lexeme[lit(s) >> !word_char]; }

// Blanks and `#` comments to the end of the line. Spelled out rather than x3::space so that
// bytes of UTF-8 never reach std::isspace.
auto const skipper = lit(' ') | '\t' | '\r' | '\n' | ('#' >> *(char_ - x3::eol));

struct constraint_table : x3::symbols<ast::constraint_kind> {
  constraint_table() {
    add("question", ast::constraint_kind::question)("negated", ast::constraint_kind::negated)(
        "clause", ast::constraint_kind::clause)("subordinate", ast::constraint_kind::subordinate);
  }
};
const constraint_table constraint_names;

x3::rule<struct name_id, ast::name> const name = "identifier";
x3::rule<struct number_id, unsigned> const number = "number";
x3::rule<struct integer_id, int> const integer = "integer";
x3::rule<struct quoted_id, std::string> const quoted = "quoted string";
x3::rule<struct flags_id, std::string> const flags = "flag letters";
x3::rule<struct value_id, ast::value> const value = "quoted string";
x3::rule<struct op_id, std::string> const op = "'=' or '!='";
x3::rule<struct attr_test_id, ast::attr_test> const attr_test = "attribute test";
x3::rule<struct primary_id, ast::primary> const primary = "condition";
x3::rule<struct unary_id, ast::unary> const unary = "condition";
x3::rule<struct and_test_id, ast::and_test> const and_test = "condition";
x3::rule<struct or_test_id, ast::or_test> const or_test = "condition";
x3::rule<struct any_token_id, ast::any_token> const any_token = "[]";
x3::rule<struct bracket_id, ast::or_test> const bracket = "token test";
x3::rule<struct group_id, ast::alternatives> const group = "group";
x3::rule<struct atom_id, ast::atom> const atom = "'[' or '('";
x3::rule<struct quant_id, std::string> const quant = "quantifier";
x3::rule<struct item_id, ast::item> const item = "token pattern";
x3::rule<struct sequence_id, ast::sequence> const sequence = "token pattern";
x3::rule<struct alternatives_id, ast::alternatives> const alternatives = "token pattern";
x3::rule<struct setting_value_id, std::string> const setting_value = "value";
x3::rule<struct assign_value_id, ast::assign_value> const assign_value = "attribute setting";
x3::rule<struct assign_from_id, ast::assign_from> const assign_from = "attribute setting";
x3::rule<struct assignment_id, ast::assignment> const assignment = "attribute setting";
x3::rule<struct constraint_name_id, ast::constraint_kind> const constraint_name =
    "'question', 'negated', 'clause' or 'subordinate'";
x3::rule<struct constraint_id, ast::constraint> const constraint = "condition";
x3::rule<struct set_stmt_id, ast::set_stmt> const set_stmt = "set statement";
x3::rule<struct where_stmt_id, ast::where_stmt> const where_stmt = "where statement";
x3::rule<struct match_end_id, bool> const match_end = "';'";
x3::rule<struct match_stmt_id, ast::match_stmt> const match_stmt = "match statement";
x3::rule<struct statement_id, ast::statement> const statement = "statement";
x3::rule<struct body_end_id> const body_end = "'set', 'where', 'match' or '}'";
x3::rule<struct rule_def_id, ast::rule_def> const rule_def = "rule";

auto const name_def = lexeme[char_("a-zA-Z_") >> *char_("a-zA-Z0-9_.")];
auto const number_def = x3::uint_;
auto const integer_def = x3::int_;
// The text between the quotes is kept raw: `\"` does not end it, and every backslash stays
// for ICU, which reads `\"` as a quote too.
auto const quoted_def = lexeme['"' > x3::raw[*(('\\' >> ~char_('\n')) | ~char_("\"\\\n"))] > '"'];
auto const flags_def = lexeme[+char_("a-zA-Z")];
auto const value_def = quoted >> -(lit('%') > flags);
auto const op_def = x3::string("!=") | x3::string("=");
auto const attr_test_def = name > op > value;
auto const primary_def = attr_test | ('(' > or_test > ')');
auto const unary_def = x3::matches[lit('!')] > primary;
auto const and_test_def = unary >> *('&' > unary);
auto const or_test_def = and_test >> *('|' > and_test);
auto const any_token_def = lit('[') >> lit(']') >> x3::attr(ast::any_token{});
auto const bracket_def = '[' > or_test > ']';
auto const group_def = '(' > alternatives > ')';
auto const atom_def = any_token | bracket | group;
auto const quant_def = x3::raw[char_("?*+") | ('{' > number > -(',' > -number) > '}')];
auto const item_def = -(name > ':') >> atom >> -quant;
auto const sequence_def = +item;
auto const alternatives_def = sequence >> *('|' > sequence);
auto const setting_value_def = lexeme[+char_("a-zA-Z0-9_.:/-")] | quoted;
auto const assign_value_def = name > '=' > setting_value;
auto const assign_from_def = (name >> kw("from")) > name;
auto const assignment_def = assign_from | assign_value;
auto const constraint_name_def = lexeme[constraint_names >> !word_char];
auto const constraint_def = x3::matches[kw("not")] > constraint_name;
auto const set_stmt_def = kw("set") > assignment >> *(',' > assignment) > ';';
auto const where_stmt_def = kw("where") > constraint >> *(',' > constraint) > ';';
auto const match_end_def = lit(';') >> x3::attr(false);
auto const match_stmt_def = kw("match") > alternatives > match_end;
auto const statement_def = set_stmt | where_stmt | match_stmt;
auto const body_end_def = lit('}');
auto const rule_def_def = kw("rule") > name > ':' > name > -(kw("priority") > integer) > '{' >
                          *statement > body_end;

BOOST_SPIRIT_DEFINE(name, number, integer, quoted, flags, value, op, attr_test, primary, unary,
                    and_test, or_test, any_token, bracket, group, atom, quant, item, sequence,
                    alternatives, setting_value, assign_value, assign_from, assignment,
                    constraint_name, constraint, set_stmt, where_stmt, match_end, match_stmt,
                    statement, body_end, rule_def)

// Nodes that errors point at get their byte offsets.
struct name_id : x3::annotate_on_success {};
struct value_id : x3::annotate_on_success {};
struct attr_test_id : x3::annotate_on_success {};
struct item_id : x3::annotate_on_success {};
struct assign_value_id : x3::annotate_on_success {};
struct assign_from_id : x3::annotate_on_success {};
struct constraint_id : x3::annotate_on_success {};
struct match_stmt_id : x3::annotate_on_success {};
struct rule_def_id : x3::annotate_on_success {};

}  // namespace svpol::rules::grammar
