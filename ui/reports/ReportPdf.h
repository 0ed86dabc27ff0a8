#pragma once

#include "core/Result.h"
#include "reports/IncidentReport.h"

#include <QImage>
#include <QList>
#include <QPair>
#include <QUrl>

namespace ops::ui {

// The postmortem as PDF: the report's HTML laid out by QTextDocument on A4 pages of a QPdfWriter,
// the rollback clock charts drawn from their SVG, a running header with the title (and DRAFT in
// red on every page of an open incident's report) and "page N of M" below.
Result<QByteArray> renderIncidentPdf(const IncidentReport &report);

// Any report's HTML on A4 pages: `images` are the resources its <img src> refer to.
Result<QByteArray> renderPdf(const QString &title, const QString &html, bool draft,
                             const QList<QPair<QUrl, QImage>> &images = {});

// The report in the asked format (Markdown and HTML as UTF-8).
Result<QByteArray> renderIncidentReport(const IncidentReport &report, IncidentReports::Format format);

} // namespace ops::ui
