#pragma once

#include "core/Result.h"
#include "store/EventSearch.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace ops {
class EventBrowser;
}

namespace ops::ui {

// The search in words (for the count's tooltip and an export's description).
QString describeSearch(const EventSearch &s);

// The Evidence panel's search box and filters (kind, scope, actor, incident or record, time) and
// the line that says how many events match. Filters apply as they change (the text debounced);
// the bar turns its choices into an EventSearch and shows whether the search was accepted.
class EvidenceFilterBar final : public QWidget {
    Q_OBJECT
public:
    explicit EvidenceFilterBar(QWidget *parent = nullptr);

    // `base` with the filters' values (its order and other fields kept).
    EventSearch searchFrom(EventSearch base) const;
    // Green border for an accepted search with text, red with the reason for a refused one.
    void showAccepted(const Result<void> &applied);
    // The kinds (with their families), scopes and actors a log holds; the choices made are kept.
    void fillChoices(const EventBrowser &log);
    bool hasChoices() const;
    // Off while only a copy of the team log is browsed (by position): each control says why.
    void setSearchable(bool searchable);
    void focusSearch();
    QLabel *countLabel() const { return m_count; }

Q_SIGNALS:
    void changed();

private:
    QLineEdit *m_search = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_actor = nullptr;
    QLineEdit *m_ref = nullptr;
    QComboBox *m_time = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace ops::ui
