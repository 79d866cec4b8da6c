#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "base/disk.h"
#include "model/read_log.h"

namespace smsdoc {

/// Collects what RecordingDisks were asked, from any thread.
class ReadRecorder {
 public:
  void Note(DiskRead read);
  /// Every distinct question, sorted (the same whatever the thread count).
  std::vector<DiskRead> Reads() const;

 private:
  mutable std::mutex mutex_;
  std::set<DiskRead> reads_;
};

/// A Disk that answers from `inner` and notes each question and a digest
/// of its answer in `recorder`, under the name `disk` ("sms", "theme").
class RecordingDisk : public Disk {
 public:
  RecordingDisk(std::unique_ptr<Disk> inner, std::string disk,
                std::shared_ptr<ReadRecorder> recorder);
  std::optional<std::string> ReadFile(const std::string& path) const override;
  std::string WhyUnreadable(const std::string& path) const override;
  std::optional<uintmax_t> FileSize(const std::string& path) const override;
  FileList ListFiles(const std::string& dir) const override;
  bool IsInsideRoot(const std::string& path) const override;
  bool IsFolder(const std::string& path) const override;

 private:
  std::unique_ptr<Disk> inner_;
  std::string name_;
  std::shared_ptr<ReadRecorder> recorder_;
};

/// Asks every question of `reads` again of the disk of its name in `disks`
/// (a name not there is a change), on `jobs` threads: true when every
/// answer is the same.
bool SameAnswers(const std::vector<DiskRead>& reads,
                 const std::map<std::string, const Disk*>& disks, int jobs = 1);

}  // namespace smsdoc
