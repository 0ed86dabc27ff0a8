#include "BackgroundSearch.h"

#include <future>
#include <thread>

namespace ops {

BackgroundSearch::BackgroundSearch(Opener opener, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
    , m_worker(new StoreWorker(this)) {
    m_shared->opener = std::move(opener);
}

BackgroundSearch::~BackgroundSearch() {
    stopRunning();
    m_waiting.reset();
    delete m_worker; // joins the thread before the connection goes with m_shared
    m_worker = nullptr;
}

void BackgroundSearch::stopRunning() {
    std::lock_guard lock(m_shared->mutex);
    if (!m_shared->cancel)
        return;
    // Asking the server to stop opens a connection of its own and waits for its answer: not on
    // this (the window's) thread. The worker starts its next statement only once the request is
    // through, so it can never stop a later search.
    std::promise<void> sent;
    m_shared->cancelling = sent.get_future().share();
    std::thread([cancel = std::move(m_shared->cancel), sent = std::move(sent)]() mutable {
        cancel();
        sent.set_value();
    }).detach();
    m_shared->cancel = {};
}

void BackgroundSearch::request(const EventSearch &search, const std::optional<SearchCursor> &after, int limit,
                               Done done) {
    ++m_latest;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->latest = m_latest;
    }
    Request r{search, after, limit, std::move(done)};
    if (m_running) {
        // The running one is superseded: stopped now, and this one starts when it has ended.
        m_waiting = std::move(r);
        stopRunning();
        return;
    }
    start(std::move(r));
}

void BackgroundSearch::start(Request request) {
    m_running = true;
    const quint64 number = m_latest;
    auto done = std::make_shared<Done>(std::move(request.done));
    const bool posted = m_worker->post<Result<SearchPage>>(
        StoreWorker::Job::Search, this,
        [shared = m_shared, number, search = request.search, after = request.after,
         limit = request.limit](JobContext &) -> Result<SearchPage> {
            const auto superseded = [] {
                return makeError(ErrorCode::Store, QStringLiteral("a newer search replaced this one"));
            };
            if (!shared->reader) {
                auto opened = shared->opener();
                if (!opened.ok())
                    return opened.error();
                shared->reader = std::move(opened).value();
            }
            std::shared_future<void> cancelling;
            {
                std::lock_guard lock(shared->mutex);
                cancelling = shared->cancelling;
            }
            if (cancelling.valid())
                cancelling.wait(); // the previous statement's stop request is through
            {
                // Replaced while the connection was being opened: not run at all.
                std::lock_guard lock(shared->mutex);
                if (shared->latest != number)
                    return superseded();
                shared->cancel = shared->reader->canceller();
            }
            auto page = shared->reader->searchPage(search, after, limit);
            {
                std::lock_guard lock(shared->mutex);
                shared->cancel = {};
            }
            if (!page.ok() && page.error().unreachable)
                shared->reader.reset(); // opened again for the next search
            return page;
        },
        [this, number, done](Result<SearchPage> page) {
            m_running = false;
            if (m_waiting) {
                Request next = std::move(*m_waiting);
                m_waiting.reset();
                start(std::move(next));
                return;
            }
            if (number == m_latest && *done)
                (*done)(std::move(page));
        });
    if (!posted) {
        // Never expected (one search at a time is this object's own rule); said rather than left
        // "searching" for ever.
        m_running = false;
        if (*done)
            (*done)(makeError(ErrorCode::Store, QStringLiteral("the search could not be started")));
    }
}

} // namespace ops
