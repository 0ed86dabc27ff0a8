#pragma once

// Searches of a log whose searches may take long (the team log, on its server) run off the GUI
// thread: one worker with a read-only connection of its own, opened on first use and kept, one
// search at a time. A newer request supersedes the one waiting and stops the one running, so a
// person who types on is never kept waiting for what they no longer asked.

#include "EventSearch.h"
#include "StoreWorker.h"

#include <QObject>

#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>

namespace ops {

class BackgroundSearch final : public QObject {
    Q_OBJECT
public:
    // Opens the connection the worker searches on (called on the worker thread).
    using Opener = std::function<Result<std::unique_ptr<EventBrowser>>()>;
    using Done = std::function<void(Result<SearchPage>)>;

    explicit BackgroundSearch(Opener opener, QObject *parent = nullptr);
    ~BackgroundSearch() override; // stops the running search and waits for it

    // One page of `search` after `after`. `done` runs on this object's thread with the page —
    // unless a newer request came first, which supersedes this one (its `done` never runs).
    void request(const EventSearch &search, const std::optional<SearchCursor> &after, int limit, Done done);
    // Whether a search is running or waiting.
    bool isBusy() const { return m_running; }

private:
    struct Request {
        EventSearch search;
        std::optional<SearchCursor> after;
        int limit = 0;
        Done done;
    };
    // What the worker thread and this one share: the connection (the worker's alone) and how to
    // stop what it runs (set while a search runs, under the mutex).
    struct Shared {
        Opener opener;
        std::unique_ptr<EventBrowser> reader;
        std::mutex mutex;
        std::function<void()> cancel;
        std::shared_future<void> cancelling; // the last stop request, sent from a thread of its own
        quint64 latest = 0; // the newest request's number (under the mutex): older ones stop early
    };
    void start(Request request);
    void stopRunning();

    std::shared_ptr<Shared> m_shared;
    std::optional<Request> m_waiting;
    bool m_running = false;
    quint64 m_latest = 0; // the number of the newest request
    StoreWorker *m_worker;
};

} // namespace ops
