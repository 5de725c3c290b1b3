// JSON documents: an array of post objects (read element by element as it arrives), or one
// object; fields found through the FieldMapping.
#include "json_fields.hpp"
#include "json_input.hpp"

namespace loopscore {

namespace {

using nlohmann::json;

class GenericJson : public JsonFormat {
 public:
  void read_element(JsonInput& in, const json& element, const std::string& pointer) override {
    use_mapped_record(in.context, element, in.where(pointer), post_);
  }

  void read_document(JsonInput& in, const json& document, const std::string& pointer) override {
    use_mapped_record(in.context, document, in.where(pointer), post_);
  }

 private:
  Post post_;
};

}  // namespace

std::unique_ptr<FormatReader> make_json_reader() { return make_json_format_reader(std::make_unique<GenericJson>()); }

}  // namespace loopscore
