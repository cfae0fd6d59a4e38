// Fusion adaptation of the syntax tree, so X3 can fill the structs member by member.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "rules/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::value, text, flags)
BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::attr_test, attr, op, val)
BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::unary, negated, operand)
BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::item, capture, body, quant)
BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::assign_value, key, value)
BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::assign_from, key, source)
BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::constraint, negated, kind)
BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::match_stmt, pattern, unused_)
BOOST_FUSION_ADAPT_STRUCT(svpol::rules::ast::rule_def, id, label, priority, body)
