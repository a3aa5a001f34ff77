// The Nanyang umbrella workshop's home sewers at its village exchange stations (never shown publicly), each with
// where their share of the premium fund is paid and the canopies they sewed last month and this month.

export type WorkerSeed = {
  displayName: string;
  code: string;
  stationZh: string;
  accountRef: string;
  remainderTo?: boolean;
  /** Umbrella canopies sewn: [last month, this month]. */
  pieces: [number, number];
};

export const NANYANG_WORKERS: WorkerSeed[] = [
  {
    displayName: "王阿姨",
    code: "NY-001",
    stationZh: "坎山服务站",
    accountRef: "6222020200012345671",
    pieces: [420, 180],
    remainderTo: true,
  },
  {
    displayName: "李大姐",
    code: "NY-002",
    stationZh: "坎山服务站",
    accountRef: "6222020200012345672",
    pieces: [365, 150],
  },
  {
    displayName: "陈奶奶",
    code: "NY-003",
    stationZh: "瓜沥服务站",
    accountRef: "6222020200012345673",
    pieces: [210, 96],
  },
  {
    displayName: "周嫂",
    code: "NY-004",
    stationZh: "瓜沥服务站",
    accountRef: "6222020200012345674",
    pieces: [388, 160],
  },
  {
    displayName: "孙阿婆",
    code: "NY-005",
    stationZh: "党湾服务站",
    accountRef: "6222020200012345675",
    pieces: [150, 72],
  },
];
