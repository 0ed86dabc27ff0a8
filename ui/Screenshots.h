#pragma once

#include <QStringList>

namespace ops::ui {

class MainWindow;

// Every panel of the window grabbed to PNG in `dir` (panel-NAME.png), with the views a reader of
// the docs should see: an incident's evidence record and its rollback, the handoff checklist, an
// event's detail, a proof summary and the verdicts, the alert trends. Returns the files written.
QStringList renderScreenshots(MainWindow &window, const QString &dir);

} // namespace ops::ui
