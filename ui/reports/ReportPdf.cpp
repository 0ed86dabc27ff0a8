#include "ReportPdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace ops::ui {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(IncidentReport)
};
} // namespace

Result<QByteArray> renderIncidentPdf(const IncidentReport &report) {
    // The charts: each rollback's SVG drawn into an image the HTML refers to.
    QList<QPair<QUrl, QImage>> images;
    for (const ReportRollback &rb : report.rollbacks) {
        QSvgRenderer svg(report.clockChartSvg(rb).toUtf8());
        QImage image(svg.defaultSize() * 3, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter ip(&image);
        svg.render(&ip);
        ip.end();
        images << qMakePair(QUrl(QStringLiteral("chart:") + rb.run.id), image);
    }
    return renderPdf(report.title(), report.html(true), report.draft, images);
}

Result<QByteArray> renderPdf(const QString &title, const QString &html, bool isDraft,
                             const QList<QPair<QUrl, QImage>> &images) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("opsconsole"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(15, 18, 15, 18), QPageLayout::Millimeter));
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&writer);
        QFont base = doc.defaultFont();
        base.setPointSizeF(9.5);
        doc.setDefaultFont(base);
        for (const auto &[url, image] : images)
            doc.addResource(QTextDocument::ImageResource, url, image);
        doc.setHtml(html);
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        const int band = writer.resolution() / 4; // header and footer bands
        const QSizeF body(page.width(), page.height() - 2 * band);
        doc.setPageSize(body);
        const int pages = doc.pageCount();
        QPainter p(&writer);
        if (!p.isActive())
            return makeError(ErrorCode::Store, QStringLiteral("cannot draw the PDF"));
        QFont small = base;
        small.setPointSizeF(8);
        QFont draft = base;
        draft.setPointSizeF(11);
        draft.setBold(true);
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                writer.newPage();
            p.save();
            p.translate(0, band);
            p.setClipRect(QRectF(QPointF(0, 0), body));
            p.translate(0, -i * body.height());
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.clip = QRectF(0, i * body.height(), body.width(), body.height());
            doc.documentLayout()->draw(&p, ctx);
            p.restore();
            p.setFont(small);
            p.setPen(Qt::darkGray);
            p.drawText(QRectF(0, 0, page.width(), band), Qt::AlignLeft | Qt::AlignVCenter, title);
            p.drawText(QRectF(0, page.height() - band, page.width(), band), Qt::AlignRight | Qt::AlignVCenter,
                       Text::tr("page %1 of %2").arg(i + 1).arg(pages));
            if (isDraft) {
                p.setFont(draft);
                p.setPen(QColor(0xb3, 0x26, 0x1e));
                p.drawText(QRectF(0, 0, page.width(), band), Qt::AlignRight | Qt::AlignVCenter,
                           Text::tr("DRAFT — incident open"));
                p.drawText(QRectF(0, page.height() - band, page.width(), band),
                           Qt::AlignLeft | Qt::AlignVCenter, Text::tr("DRAFT"));
            }
        }
        p.end();
    }
    return bytes;
}

Result<QByteArray> renderIncidentReport(const IncidentReport &report, IncidentReports::Format format) {
    switch (format) {
    case IncidentReports::Format::Markdown:
        return report.markdown().toUtf8();
    case IncidentReports::Format::Html:
        return report.html().toUtf8();
    case IncidentReports::Format::Pdf:
        return renderIncidentPdf(report);
    }
    return report.markdown().toUtf8();
}

} // namespace ops::ui
