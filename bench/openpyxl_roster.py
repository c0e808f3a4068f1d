"""What an officer would otherwise script for the aid roster: the rows of
bench/minimal_roster.c written with openpyxl in write_only mode (streamed
rows), same query, same cells. Usage: openpyxl_roster.py DB FROM TO OUT.xlsx"""
import datetime, sqlite3, sys

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

db, frm, to, out = sys.argv[1:5]
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
wb = Workbook(write_only=True)
ws = wb.create_sheet()
q = ("SELECT m.name, m.gender, substr(m.id_number, 1, 6) || '********' || substr(m.id_number, 15, 4),"
     " o.name, r.hardship_category, g.program, g.amount_fen, g.granted_on"
     " FROM aid_grants g JOIN aid_recipients r ON r.id = g.recipient_id JOIN members m ON m.id = r.member_id"
     " JOIN orgs o ON o.id = m.org_id WHERE g.granted_on BETWEEN ?1 AND ?2 AND g.program = 'send_warmth'"
     " ORDER BY g.granted_on, g.id")
for n, row in enumerate(con.execute(q, (frm, to)), 1):
    day = WriteOnlyCell(ws, value=datetime.date.fromisoformat(row[7]))
    day.number_format = "yyyy-mm-dd"
    ws.append([n, *row[:6], row[6] / 100.0, day, None])
wb.save(out)
