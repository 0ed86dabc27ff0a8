#pragma once

#include "incidents/Incidents.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ops {
class AppContext;
} // namespace ops

namespace ops::ui {

class IncidentsHost;

// The two kill switches (AI lane, bad pack) of a scope: which are active where, and the act that
// flips one, with its required reason and an optional targeted validation (each named locality
// probed now, the summary recorded with the switch).
class KillSwitchBox final : public QGroupBox {
    Q_OBJECT
public:
    KillSwitchBox(AppContext *app, IncidentsHost *host, QWidget *parent = nullptr);

    // The switches as folded in `book` (the panel's, which outlives this box); the incident an act
    // is recorded for (may be empty).
    void setBook(const IncidentBook *book, const QString &incident);
    void setScope(const QString &scope);
    void updateButtons();

Q_SIGNALS:
    // A validation is probing: the panel records nothing else meanwhile.
    void busyChanged(bool busy);

private:
    void toggle(const QString &name);

    AppContext *m_app;
    IncidentsHost *m_host;
    const IncidentBook *m_book = nullptr;
    QString m_incident;
    QComboBox *m_scope;
    QLineEdit *m_reason;
    QLineEdit *m_localities;
    QPushButton *m_ai;
    QPushButton *m_badPack;
    QLabel *m_active;
};

} // namespace ops::ui
