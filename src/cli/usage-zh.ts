import type { Command, Help } from 'commander';

/**
 * Commander speaks English; the desk CLI's users read Chinese (issue 12 item 8). Usage errors are translated by
 * their (stable) message patterns in commander 14, and the help's fixed words through its hooks.
 */
const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown command '(.*)'/, (name) => `错误：未知的命令“${name}”`],
  [/^error: unknown option '(.*)'/, (flag) => `错误：未知的选项“${flag}”`],
  [/^error: missing required argument '(.*)'/, (name) => `错误：缺少参数“${name}”`],
  [/^error: required option '(.*)' not specified/, (flags) => `错误：必须提供选项“${flags}”`],
  [/^error: option '(.*)' argument missing/, (flags) => `错误：选项“${flags}”缺少取值`],
  [/^error: option '(.*)' argument '(.*)' is invalid\.?/, (flags, value) => `错误：选项“${flags}”的取值“${value}”无效`],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./, (name, expected, got) =>
    `错误：参数过多${name ? `（命令“${name}”）` : ''}：应为 ${expected} 个，收到 ${got} 个`],
  [/^error: (.*) cannot be used with (.*)/, (a, b) => `错误：${a} 不能与 ${b} 同时使用`],
];

export function translateUsageError(message: string): string {
  const lines = message.replace(/\n+$/, '').split('\n');
  const out = lines.map((line) => {
    const did = /^\(Did you mean (?:one of )?(.*)\?\)$/.exec(line);
    if (did) return `（您是否想输入 ${did[1]!.split(', ').join(' 或 ')}？）`;
    for (const [re, fn] of ERRORS) {
      const m = re.exec(line);
      if (m) return fn(...m.slice(1).map((x) => x ?? ''));
    }
    return line.replace(/^error: /, '错误：');
  });
  return `${out.join('\n')}\n用法说明见 desk --help\n`;
}

const TITLES: Record<string, string> = {
  'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：',
};

/** Call on the root command before adding subcommands: they inherit the output, help option and help configuration. */
export function speakChinese(program: Command): Command {
  return program
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .configureOutput({ outputError: (str, write) => write(translateUsageError(str)) })
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      formatHelp(cmd: Command, helper: Help) {
        const proto = Object.getPrototypeOf(helper) as Help;
        return proto.formatHelp
          .call(helper, cmd, helper)
          .replace(/\(default: "?([^")]*)"?\)/g, '（默认：$1）')
          .replace(/\(choices: ([^)]*)\)/g, '（可选：$1）')
          .replace(/\[options\]/g, '[选项]')
          .replace(/\[command\]/g, '[命令]');
      },
    });
}
