"""A real arrearsd for the Python test tools (the hostile corpus, the schemathesis driver): a fresh SQLite database in
a temporary folder, accounts made with `arrearsd account create`, the server on a free port of 127.0.0.1, its log kept
beside the database."""
import os, socket, subprocess, tempfile, time

# The accounts both tools act as: an SME of the example filing, Zhejiang's officials, the education department, an admin.
ACCOUNTS = {
    "sme": ["--role", "sme", "--name", "杭州示例建设有限公司", "--credit-code", "91330100716105852F"],
    "intake": ["--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000"],
    "handler": ["--role", "handler", "--name", "浙江省教育厅", "--department", "ZJ-EDU"],
    "supervisor": ["--role", "supervisor", "--name", "浙江省经济和信息化厅", "--province", "330000"],
    "admin": ["--role", "admin", "--name", "平台管理员"],
}


class Server:
    def __init__(self, arrearsd, prefix):
        self.arrearsd = os.path.realpath(arrearsd)
        self.work = tempfile.mkdtemp(prefix=prefix)
        self.database = os.path.join(self.work, "arrears.sqlite")
        self.log = os.path.join(self.work, "server.log")
        self.tokens = {name: self.account(*arguments) for name, arguments in ACCOUNTS.items()}
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [self.arrearsd, "serve", "--database", self.database, "--port", str(self.port), "--submissions-per-minute", "0",
             "--log-level", "error"], stdout=subprocess.DEVNULL, stderr=open(self.log, "w"), cwd=self.work)
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"arrearsd did not start: {open(self.log).read()[-2000:]}")

    def account(self, *arguments):
        return subprocess.run([self.arrearsd, "account", "create", "--database", self.database, *arguments], check=True,
                              capture_output=True, text=True, cwd=self.work).stdout.strip()

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
