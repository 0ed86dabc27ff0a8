#pragma once

#include "incidents/Incidents.h"

#include <QCoreApplication>

namespace ops::ui {

// A step's status as the operator reads it ("done", "failed", "skipped", "pending" in the
// reader's language), for the runbook checklist and the launch checklist alike; the log keeps
// stepStatusName's words.
class StepStatusText {
    Q_DECLARE_TR_FUNCTIONS(ops::ui::StepStatusText)
public:
    static QString of(StepStatus status);
};

} // namespace ops::ui
