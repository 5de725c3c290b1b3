#pragma once
// Punctuation that ends clauses and sentences (internal to the core): negation and boosters do not
// reach across a clause mark, and a capital after a sentence mark says nothing about names.

#include <string_view>

namespace loopscore {

/// True for a punctuation token that ends a clause: , . ; : ! ? - and their wide forms, an ellipsis, dashes.
bool breaks_clause(std::string_view mark);

/// True for a punctuation token that ends a sentence: . ! ? an ellipsis, and their wide forms.
bool ends_sentence(std::string_view mark);

}  // namespace loopscore
