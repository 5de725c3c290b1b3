#include "xml_document.hpp"

namespace loopscore {

namespace {

std::string_view name_of(const XmlNode* node) { return {node->name(), node->name_size()}; }

bool name_matches(std::string_view name, std::string_view wanted) {
  if (name == wanted) return true;
  const std::size_t colon = name.find(':');
  return wanted.find(':') == std::string_view::npos && colon != std::string_view::npos &&
         name.substr(colon + 1) == wanted;
}

// Offset of a DOCTYPE that could define entities (an internal subset, or <!ENTITY anywhere),
// or npos. An external DTD reference alone is harmless: nothing is ever fetched.
std::size_t find_entity_declarations(std::string_view text) {
  const std::size_t doctype = text.find("<!DOCTYPE");
  if (doctype != std::string_view::npos) {
    const std::size_t bracket = text.find('[', doctype);
    const std::size_t close = text.find('>', doctype);
    if (bracket != std::string_view::npos && bracket < close) return doctype;
  }
  const std::size_t entity = text.find("<!ENTITY");
  if (entity != std::string_view::npos) return doctype != std::string_view::npos ? doctype : entity;
  return std::string_view::npos;
}

// Offset of the first element nested deeper than `max_depth`, or npos.
std::size_t scan_xml_nesting(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  std::size_t i = text.find('<');
  while (i != std::string_view::npos && i + 1 < text.size()) {
    std::size_t end;
    if (text.compare(i, 4, "<!--") == 0) {
      end = text.find("-->", i + 4);
    } else if (text.compare(i, 9, "<![CDATA[") == 0) {
      end = text.find("]]>", i + 9);
    } else if (text[i + 1] == '?' || text[i + 1] == '!') {
      end = text.find('>', i);
    } else {
      const bool closing = text[i + 1] == '/';
      char quote = 0;
      for (end = i + 1; end < text.size(); ++end) {
        if (quote != 0) {
          if (text[end] == quote) quote = 0;
        } else if (text[end] == '"' || text[end] == '\'') {
          quote = text[end];
        } else if (text[end] == '>') {
          break;
        }
      }
      if (end >= text.size()) return std::string_view::npos;  // rapidxml reports the cut-off tag
      if (closing) {
        if (depth > 0) --depth;
      } else if (text[end - 1] != '/' && ++depth > max_depth) {
        return i;
      }
    }
    if (end == std::string_view::npos) return std::string_view::npos;
    i = text.find('<', end);
  }
  return std::string_view::npos;
}

void write_escaped(std::string& out, std::string_view text, bool attribute) {
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"' && attribute) out += "&quot;";
    else out += c;
  }
}

void write_markup(std::string& out, const XmlNode* node) {
  for (const XmlNode* child = node->first_node(); child != nullptr; child = child->next_sibling()) {
    if (child->type() == rapidxml::node_data || child->type() == rapidxml::node_cdata) {
      write_escaped(out, {child->value(), child->value_size()}, false);
    } else if (child->type() == rapidxml::node_element) {
      out += '<';
      out.append(child->name(), child->name_size());
      for (auto* a = child->first_attribute(); a != nullptr; a = a->next_attribute()) {
        out += ' ';
        out.append(a->name(), a->name_size());
        out += "=\"";
        write_escaped(out, {a->value(), a->value_size()}, true);
        out += '"';
      }
      out += '>';
      write_markup(out, child);
      out += "</";
      out.append(child->name(), child->name_size());
      out += '>';
    }
  }
}

}  // namespace

XmlDocument::XmlDocument(ReadContext& context, std::string_view text, std::size_t offset)
    : buffer_(text.begin(), text.end()), offset_(offset), document_(std::make_unique<rapidxml::xml_document<char>>()) {
  if (const std::size_t at = find_entity_declarations(text); at != std::string_view::npos) {
    throw InputError("XML DOCTYPE with entity declarations refused: loopscore never expands XML entities",
                     context.at(offset + at));
  }
  if (const std::size_t at = scan_xml_nesting(text, context.limits().max_depth); at != std::string_view::npos) {
    throw InputError("XML nested deeper than " + std::to_string(context.limits().max_depth) + " levels (max_depth)",
                     context.at(offset + at));
  }
  buffer_.push_back('\0');
  try {
    document_->parse<rapidxml::parse_validate_closing_tags>(buffer_.data());
  } catch (const rapidxml::parse_error& e) {
    const std::size_t at = e.where<char>() == nullptr ? 0 : static_cast<std::size_t>(e.where<char>() - buffer_.data());
    throw InputError(std::string("invalid XML: ") + e.what(), context.at(offset + std::min(at, text.size())));
  }
  if (root() == nullptr) throw InputError("invalid XML: no root element", context.at(offset));
}

XmlDocument::~XmlDocument() = default;

const XmlNode* XmlDocument::root() const { return document_->first_node(); }

std::size_t XmlDocument::offset_of(const XmlNode* node) const {
  return offset_ + static_cast<std::size_t>(node->name() - buffer_.data()) - 1;
}

const XmlNode* xml_child(const XmlNode* node, std::string_view name) {
  if (node == nullptr) return nullptr;
  for (const XmlNode* child = node->first_node(); child != nullptr; child = child->next_sibling()) {
    if (child->type() == rapidxml::node_element && name_matches(name_of(child), name)) return child;
  }
  return nullptr;
}

const XmlNode* xml_next(const XmlNode* node) {
  for (const XmlNode* next = node->next_sibling(); next != nullptr; next = next->next_sibling()) {
    if (next->type() == rapidxml::node_element && name_of(next) == name_of(node)) return next;
  }
  return nullptr;
}

std::string xml_text(const XmlNode* node) {
  std::string text;
  if (node == nullptr) return text;
  for (const XmlNode* child = node->first_node(); child != nullptr; child = child->next_sibling()) {
    if (child->type() == rapidxml::node_data || child->type() == rapidxml::node_cdata) {
      text.append(child->value(), child->value_size());
    }
  }
  return text;
}

std::string xml_child_text(const XmlNode* node, std::string_view name) { return xml_text(xml_child(node, name)); }

std::string_view xml_attribute(const XmlNode* node, std::string_view name) {
  if (node == nullptr) return {};
  for (auto* a = node->first_attribute(); a != nullptr; a = a->next_attribute()) {
    if (std::string_view(a->name(), a->name_size()) == name) return {a->value(), a->value_size()};
  }
  return {};
}

std::string xml_inner_markup(const XmlNode* node) {
  std::string out;
  if (node != nullptr) write_markup(out, node);
  return out;
}

void XmlFormatReader::read(ReadContext& context) {
  const std::string_view text = context.pending();
  if (text.size() > context.limits().max_document_bytes) {
    throw InputError("a feed is read whole, and this one is over the limit of " +
                         std::to_string(context.limits().max_document_bytes) + " bytes (max_document_bytes)",
                     context.at(context.pending_offset()));
  }
  if (!context.at_end()) return;
  const XmlDocument document(context, text, context.pending_offset());
  read_document(context, document);
  context.consume(text.size());
}

}  // namespace loopscore
