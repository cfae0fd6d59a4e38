// What the X3 grammar needs from its context while parsing one rule file: annotate_on_success
// calls tag() for every node parsed by an annotated rule. Positions are kept as byte offsets
// in the nodes themselves (id_first/id_last), so the checker can point at them later without
// a position cache. Syntax errors are not handled here: grammar.cpp catches X3's
// expectation_failure at the top level, records it and resumes at the next `rule`.
#pragma once

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <type_traits>

namespace svpol::rules::detail {

struct position_tagger {
  const char* begin = nullptr;

  template <typename Node>
  void tag(Node& node, const char* first, const char* last) const {
    if constexpr (std::is_base_of_v<boost::spirit::x3::position_tagged, Node>) {
      node.id_first = static_cast<int>(first - begin);
      node.id_last = static_cast<int>(last - begin);
    }
  }
};

}  // namespace svpol::rules::detail
