#include "platform/obs/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace vigor::platform::obs {

namespace {

void AppendNumber(std::string& out, double v) {
  if (std::isinf(v)) {
    out += v > 0 ? "+Inf" : "-Inf";
    return;
  }
  char buf[40];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.9g", v);
  }
  out += buf;
}

void AppendLabelValue(std::string& out, const std::string& value) {
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
}

// Writes {a="x",b="y"} (with an optional extra label such as le), or nothing without labels.
void AppendLabels(std::string& out, const std::vector<std::string>& names,
                  const LabelValues& values, const char* extra_name = nullptr,
                  const std::string& extra_value = {}) {
  if (names.empty() && extra_name == nullptr) return;
  out.push_back('{');
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out.push_back(',');
    out += names[i];
    out += "=\"";
    AppendLabelValue(out, i < values.size() ? values[i] : std::string());
    out.push_back('"');
  }
  if (extra_name) {
    if (!names.empty()) out.push_back(',');
    out += extra_name;
    out += "=\"";
    out += extra_value;
    out.push_back('"');
  }
  out.push_back('}');
}

}  // namespace

void CounterFamily::Inc(const LabelValues& labels, double by) {
  std::lock_guard lock(mutex_);
  values_[labels] += by;
}

void GaugeFamily::Add(const LabelValues& labels, double by) {
  std::lock_guard lock(mutex_);
  values_[labels] += by;
}

void GaugeFamily::Set(const LabelValues& labels, double value) {
  std::lock_guard lock(mutex_);
  values_[labels] = value;
}

void HistogramFamily::Observe(const LabelValues& labels, double value) {
  std::size_t bucket = std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin();
  std::lock_guard lock(mutex_);
  auto& series = values_[labels];
  if (series.buckets.empty()) series.buckets.assign(bounds_.size() + 1, 0);
  ++series.buckets[bucket];
  series.sum += value;
  ++series.count;
}

MetricsRegistry::Family& MetricsRegistry::NewFamily(std::string name, std::string help,
                                                    std::vector<std::string> labels, Type type) {
  std::lock_guard lock(mutex_);
  for (const auto& f : families_) {
    if (f->name == name) throw std::logic_error("metric registered twice: " + name);
  }
  auto family = std::make_unique<Family>();
  family->name = std::move(name);
  family->help = std::move(help);
  family->labels = std::move(labels);
  family->type = type;
  families_.push_back(std::move(family));
  return *families_.back();
}

CounterFamily& MetricsRegistry::Counter(std::string name, std::string help,
                                        std::vector<std::string> labels) {
  auto& f = NewFamily(std::move(name), std::move(help), std::move(labels), Type::kCounter);
  f.counter = std::make_unique<CounterFamily>();
  return *f.counter;
}

GaugeFamily& MetricsRegistry::Gauge(std::string name, std::string help,
                                    std::vector<std::string> labels) {
  auto& f = NewFamily(std::move(name), std::move(help), std::move(labels), Type::kGauge);
  f.gauge = std::make_unique<GaugeFamily>();
  return *f.gauge;
}

HistogramFamily& MetricsRegistry::Histogram(std::string name, std::string help,
                                            std::vector<std::string> labels,
                                            std::vector<double> bounds) {
  std::sort(bounds.begin(), bounds.end());
  auto& f = NewFamily(std::move(name), std::move(help), std::move(labels), Type::kHistogram);
  f.histogram = std::make_unique<HistogramFamily>(std::move(bounds));
  return *f.histogram;
}

void MetricsRegistry::GaugeCallback(std::string name, std::string help,
                                    std::function<double()> read) {
  auto& f = NewFamily(std::move(name), std::move(help), {}, Type::kGaugeCallback);
  f.read = std::move(read);
}

void MetricsRegistry::CounterCallback(std::string name, std::string help,
                                      std::function<double()> read) {
  auto& f = NewFamily(std::move(name), std::move(help), {}, Type::kCounterCallback);
  f.read = std::move(read);
}

std::string MetricsRegistry::Render() const {
  std::string out;
  std::lock_guard lock(mutex_);
  for (const auto& f : families_) {
    out += "# HELP " + f->name + " " + f->help + "\n";
    switch (f->type) {
      case Type::kCounter: {
        out += "# TYPE " + f->name + " counter\n";
        std::lock_guard l(f->counter->mutex_);
        for (const auto& [labels, v] : f->counter->values_) {
          out += f->name;
          AppendLabels(out, f->labels, labels);
          out.push_back(' ');
          AppendNumber(out, v);
          out.push_back('\n');
        }
        break;
      }
      case Type::kGauge: {
        out += "# TYPE " + f->name + " gauge\n";
        std::lock_guard l(f->gauge->mutex_);
        for (const auto& [labels, v] : f->gauge->values_) {
          out += f->name;
          AppendLabels(out, f->labels, labels);
          out.push_back(' ');
          AppendNumber(out, v);
          out.push_back('\n');
        }
        break;
      }
      case Type::kGaugeCallback:
      case Type::kCounterCallback: {
        out += "# TYPE " + f->name + (f->type == Type::kGaugeCallback ? " gauge\n" : " counter\n") +
               f->name + " ";
        AppendNumber(out, f->read());
        out.push_back('\n');
        break;
      }
      case Type::kHistogram: {
        out += "# TYPE " + f->name + " histogram\n";
        const auto& h = *f->histogram;
        std::lock_guard l(f->histogram->mutex_);
        for (const auto& [labels, series] : h.values_) {
          std::uint64_t cumulative = 0;
          for (std::size_t i = 0; i <= h.bounds_.size(); ++i) {
            cumulative += series.buckets[i];
            std::string le;
            if (i < h.bounds_.size()) {
              AppendNumber(le, h.bounds_[i]);
            } else {
              le = "+Inf";
            }
            out += f->name + "_bucket";
            AppendLabels(out, f->labels, labels, "le", le);
            out.push_back(' ');
            AppendNumber(out, static_cast<double>(cumulative));
            out.push_back('\n');
          }
          out += f->name + "_sum";
          AppendLabels(out, f->labels, labels);
          out.push_back(' ');
          AppendNumber(out, series.sum);
          out += "\n" + f->name + "_count";
          AppendLabels(out, f->labels, labels);
          out.push_back(' ');
          AppendNumber(out, static_cast<double>(series.count));
          out.push_back('\n');
        }
        break;
      }
    }
  }
  return out;
}

}  // namespace vigor::platform::obs
