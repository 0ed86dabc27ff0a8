#pragma once

#include "monitor/MonitorStore.h"

#include <QWidget>

class QLabel;
class QChart;
class QChartView;

namespace ops::ui {

// Latency of every target of one scope, and its manifest's age against the freshness
// threshold, over the retained raw samples (QtCharts).
class TrendCharts final : public QWidget {
    Q_OBJECT
public:
    explicit TrendCharts(QWidget *parent = nullptr);

    void setSamples(const QString &scope, const QList<ProbeSample> &samples, int freshnessHours,
                    qint64 fromMs, qint64 toMs);
    int seriesCount() const; // latency series + age series, for tests
    QString captionText() const;

private:
    QLabel *m_caption;
    QChart *m_latency;
    QChart *m_age;
    QChartView *m_latencyView;
    QChartView *m_ageView;
};

} // namespace ops::ui
