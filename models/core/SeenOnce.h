// SeenOnce: what a value stands for, worked out once per distinct value (the kinds and actors of
// a log's events, read a million times and a few dozen distinct). At most kMaxKept values are
// kept; past them each is worked out again. get() returns a copy (Qt's strings share their data),
// so two values fetched one after the other never alias.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ops {

struct StringViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template<typename Facts> class SeenOnce {
public:
    template<typename Make> Facts get(std::string_view key, Make make) {
        if (auto it = m_kept.find(key); it != m_kept.end())
            return it->second;
        if (m_kept.size() >= kMaxKept)
            return make(key);
        return m_kept.emplace(std::string(key), make(key)).first->second;
    }

private:
    static constexpr std::size_t kMaxKept = 4096;
    std::unordered_map<std::string, Facts, StringViewHash, std::equal_to<>> m_kept;
};

} // namespace ops
