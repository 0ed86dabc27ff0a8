#include "TrendCharts.h"

#include "common/TimeFormat.h"

#include "common/Colours.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMap>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ops::ui {

namespace {

QChart *makeChart(const QString &title) {
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

void resetAxes(QChart *chart, qint64 fromMs, qint64 toMs, const QString &yTitle, double yMax) {
    // removeAxis hands the axis back to the caller: deleted here, or every refresh leaks two.
    for (QAbstractAxis *a : chart->axes()) {
        chart->removeAxis(a);
        delete a;
    }
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    x->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    x->setTickCount(5);
    auto *y = new QValueAxis;
    y->setTitleText(yTitle);
    y->setRange(0, yMax > 0 ? yMax * 1.15 : 1.0);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

} // namespace

TrendCharts::TrendCharts(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_latency(makeChart(tr("Latency (ms)")))
    , m_age(makeChart(tr("Manifest age (h) against the freshness threshold")))
    , m_latencyView(new QChartView(m_latency, this))
    , m_ageView(new QChartView(m_age, this)) {
    setObjectName(QStringLiteral("trendCharts"));
    m_caption->setObjectName(QStringLiteral("trendCaption"));
    m_caption->setWordWrap(true);
    m_latencyView->setRenderHint(QPainter::Antialiasing);
    m_ageView->setRenderHint(QPainter::Antialiasing);
    m_latencyView->setAccessibleName(tr("Latency chart"));
    m_ageView->setAccessibleName(tr("Manifest age chart"));
    auto *charts = new QHBoxLayout;
    charts->addWidget(m_latencyView, 1);
    charts->addWidget(m_ageView, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addLayout(charts, 1);
    m_caption->setText(tr("Select a cell of the matrix: its scope's trends appear here."));
}

void TrendCharts::setSamples(const QString &scope, const QList<ProbeSample> &samples, int freshnessHours,
                             qint64 fromMs, qint64 toMs) {
    // The window shrinks to the data (at least ten minutes), so a young store is not a flat line.
    if (!samples.isEmpty())
        fromMs = qMax(fromMs, qMin(samples.first().checkedAtMs, toMs - 10LL * 60 * 1000));
    m_latency->removeAllSeries();
    m_age->removeAllSeries();
    QMap<QString, QLineSeries *> latency;
    auto *age = new QLineSeries;
    age->setName(tr("manifest age"));
    age->setPointsVisible(true);
    age->setPointsVisible(true);
    double maxLatency = 0, maxAge = freshnessHours;
    int failed = 0;
    for (const ProbeSample &s : samples) {
        if (s.latencyMs >= 0) {
            QLineSeries *&series = latency[s.target];
            if (!series) {
                series = new QLineSeries;
                series->setName(s.target);
                series->setPointsVisible(true);
                series->setPointsVisible(true);
            }
            series->append(double(s.checkedAtMs), double(s.latencyMs));
            maxLatency = qMax(maxLatency, double(s.latencyMs));
        }
        if (s.ageS) {
            const double hours = double(*s.ageS) / 3600.0;
            age->append(double(s.checkedAtMs), hours);
            maxAge = qMax(maxAge, hours);
        }
        failed += s.state == QLatin1String("failed") ? 1 : 0;
    }
    for (QLineSeries *s : latency)
        m_latency->addSeries(s);
    m_age->addSeries(age);
    if (freshnessHours > 0) {
        auto *threshold = new QLineSeries;
        threshold->setName(tr("threshold %1 h").arg(freshnessHours));
        threshold->append(double(fromMs), freshnessHours);
        threshold->append(double(toMs), freshnessHours);
        QPen pen{QColor(QLatin1String(colours::kRed))};
        pen.setStyle(Qt::DashLine);
        pen.setWidth(2);
        threshold->setPen(pen);
        m_age->addSeries(threshold);
    }
    resetAxes(m_latency, fromMs, toMs, tr("ms"), maxLatency);
    resetAxes(m_age, fromMs, toMs, tr("hours"), maxAge);
    if (samples.isEmpty())
        m_caption->setText(tr("%1: no probe samples in this window yet (unknown, not healthy).").arg(scope));
    else {
        const QString since = TimeFormat::shortClock(fromMs);
        m_caption->setText(samples.size() == 1
                               ? tr("%1: 1 sample since %2, %3 failed").arg(scope, since).arg(failed)
                               : tr("%1: %2 samples since %3, %4 failed")
                                     .arg(scope)
                                     .arg(samples.size())
                                     .arg(since)
                                     .arg(failed));
    }
}

int TrendCharts::seriesCount() const {
    return int(m_latency->series().size() + m_age->series().size());
}

QString TrendCharts::captionText() const {
    return m_caption->text();
}

} // namespace ops::ui
