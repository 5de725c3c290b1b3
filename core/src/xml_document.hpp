#pragma once
// XML read safely with rapidxml: DOCTYPE entity declarations refused (never expanded), nesting
// checked before rapidxml's recursive parser sees it, errors located (internal to the core).

#include <memory>
#include <rapidxml/rapidxml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "format_reader.hpp"

namespace loopscore {

using XmlNode = rapidxml::xml_node<char>;

/// One parsed XML document.
class XmlDocument {
 public:
  /// Parses `text`, which starts at input offset `offset`. Throws InputError for a DOCTYPE that
  /// declares entities (or has an internal subset), nesting beyond max_depth, or bad XML.
  XmlDocument(ReadContext& context, std::string_view text, std::size_t offset);
  ~XmlDocument();

  /// The root element.
  const XmlNode* root() const;

  /// Input offset of an element (its '<').
  std::size_t offset_of(const XmlNode* node) const;

 private:
  std::vector<char> buffer_;  // the text, which rapidxml parses in place
  std::size_t offset_;
  std::unique_ptr<rapidxml::xml_document<char>> document_;
};

/// The first child element of `node` named `name`; a name without a prefix also matches
/// prefixed ones ("feed" matches "atom:feed"). Null when there is none.
const XmlNode* xml_child(const XmlNode* node, std::string_view name);

/// The next sibling element with the same name as `node`.
const XmlNode* xml_next(const XmlNode* node);

/// The text of an element: its text and CDATA children, joined.
std::string xml_text(const XmlNode* node);

/// The text of the first child element named `name`, or "".
std::string xml_child_text(const XmlNode* node, std::string_view name);

/// The value of attribute `name` of `node`, or "".
std::string_view xml_attribute(const XmlNode* node, std::string_view name);

/// The content of an element written back as markup (Atom's type="xhtml" content).
std::string xml_inner_markup(const XmlNode* node);

/// A reader of an XML format: waits for the whole document (up to max_document_bytes), then
/// parses it and hands it to read_document().
class XmlFormatReader : public FormatReader {
 public:
  void read(ReadContext& context) final;

 protected:
  virtual void read_document(ReadContext& context, const XmlDocument& document) = 0;
};

}  // namespace loopscore
