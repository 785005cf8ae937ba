#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

// A small Prometheus registry: counters, gauges and histograms with labels, plus gauges read from
// a callback at scrape time. Rendered in the text exposition format 0.0.4.
namespace vigor::platform::obs {

using LabelValues = std::vector<std::string>;

class CounterFamily {
 public:
  void Inc(const LabelValues& labels, double by = 1);

 private:
  friend class MetricsRegistry;
  std::mutex mutex_;
  std::map<LabelValues, double> values_;
};

class GaugeFamily {
 public:
  void Add(const LabelValues& labels, double by);
  void Set(const LabelValues& labels, double value);

 private:
  friend class MetricsRegistry;
  std::mutex mutex_;
  std::map<LabelValues, double> values_;
};

class HistogramFamily {
 public:
  explicit HistogramFamily(std::vector<double> bounds) : bounds_(std::move(bounds)) {}
  void Observe(const LabelValues& labels, double value);

 private:
  friend class MetricsRegistry;
  struct Series {
    std::vector<std::uint64_t> buckets;  // non-cumulative counts per bound, plus +Inf
    double sum = 0;
    std::uint64_t count = 0;
  };
  std::vector<double> bounds_;
  std::mutex mutex_;
  std::map<LabelValues, Series> values_;
};

class MetricsRegistry {
 public:
  CounterFamily& Counter(std::string name, std::string help, std::vector<std::string> labels);
  GaugeFamily& Gauge(std::string name, std::string help, std::vector<std::string> labels);
  HistogramFamily& Histogram(std::string name, std::string help, std::vector<std::string> labels,
                             std::vector<double> bounds);
  // A gauge without labels whose value is read when scraped (pool sizes, queue lengths).
  void GaugeCallback(std::string name, std::string help, std::function<double()> read);
  // A counter without labels kept elsewhere (e.g. by the database), read when scraped.
  void CounterCallback(std::string name, std::string help, std::function<double()> read);

  std::string Render() const;

 private:
  enum class Type { kCounter, kGauge, kHistogram, kGaugeCallback, kCounterCallback };
  struct Family {
    std::string name;
    std::string help;
    std::vector<std::string> labels;
    Type type;
    std::unique_ptr<CounterFamily> counter;
    std::unique_ptr<GaugeFamily> gauge;
    std::unique_ptr<HistogramFamily> histogram;
    std::function<double()> read;
  };
  Family& NewFamily(std::string name, std::string help, std::vector<std::string> labels, Type type);

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Family>> families_;
};

}  // namespace vigor::platform::obs
