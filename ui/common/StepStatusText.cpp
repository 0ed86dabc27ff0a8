#include "StepStatusText.h"

namespace ops::ui {

QString StepStatusText::of(StepStatus status) {
    switch (status) {
    case StepStatus::Done:
        return tr("done");
    case StepStatus::Failed:
        return tr("failed");
    case StepStatus::Skipped:
        return tr("skipped");
    case StepStatus::Pending:
        break;
    }
    return tr("pending");
}

} // namespace ops::ui
