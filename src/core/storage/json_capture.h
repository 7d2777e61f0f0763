// json_capture.h — one JSON value (a scalar, or an object or array with everything in it)
// built as a small nlohmann::json from SAX events, for SAX readers that parse the bulk of a
// file straight into their own structures and keep only the small parts as JSON values
// (set_sax.h, the UIMA CAS JSON reader).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace claimmark {

// Collects one JSON value (scalar or container) from SAX events.
class JsonCapture {
public:
    bool active() const { return m_active; }
    void begin() {
        m_active = true;
        m_root = nlohmann::json();
        m_stack.clear();
    }
    // Each returns true when the captured value is complete.
    template <class V>
    bool scalar(V&& v) {
        place(nlohmann::json(std::forward<V>(v)));
        return m_stack.empty();
    }
    bool startObject() {
        m_stack.push_back(place(nlohmann::json::object()));
        return false;
    }
    bool startArray() {
        m_stack.push_back(place(nlohmann::json::array()));
        return false;
    }
    void key(std::string& k) { m_key = std::move(k); }
    bool endContainer() {
        m_stack.pop_back();
        return m_stack.empty();
    }
    nlohmann::json take() {
        m_active = false;
        return std::move(m_root);
    }

private:
    nlohmann::json* place(nlohmann::json&& v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        nlohmann::json& top = *m_stack.back();
        if (top.is_array()) {
            top.push_back(std::move(v));
            return &top.back();
        }
        nlohmann::json& slot = top[m_key];
        slot = std::move(v);
        return &slot;
    }

    nlohmann::json m_root;
    std::vector<nlohmann::json*> m_stack;
    std::string m_key;
    bool m_active = false;
};

}  // namespace claimmark
