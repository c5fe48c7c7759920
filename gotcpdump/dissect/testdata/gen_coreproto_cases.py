#!/usr/bin/env python3
# Builds Ethernet frames for the ICMP/IGMP/ARP/GRE/MPLS/VXLAN/NSH/LLC/STP
# printers, runs the installed tcpdump on each and writes the Go table
# coreproto_cases_test.go: python3 testdata/gen_coreproto_cases.py coreproto_cases_test.go
import struct, subprocess, os, sys, tempfile
tmpdir=tempfile.mkdtemp()
def csum(b):
    if len(b)%2: b+=b'\0'
    s=sum(struct.unpack('!%dH'%(len(b)//2),b))
    while s>>16: s=(s&0xffff)+(s>>16)
    return (~s)&0xffff
def ip4(src,dst,proto,payload,ttl=64,ident=1,flags=0,tos=0):
    h=struct.pack('!BBHHHBBH4s4s',0x45,tos,20+len(payload),ident,flags,ttl,proto,0,bytes(src),bytes(dst))
    c=csum(h); h=h[:10]+struct.pack('!H',c)+h[12:]
    return h+payload
def eth(t,payload,dst=b'\x00\x01\x02\x03\x04\x05',src=b'\x00\x0a\x0b\x0c\x0d\x0e'):
    return dst+src+struct.pack('!H',t)+payload
def udp(sp,dp,payload):
    return struct.pack('!HHHH',sp,dp,8+len(payload),0)+payload
def icmp(t,c,rest,data=b''):
    b=struct.pack('!BBH',t,c,0)+rest+data
    c2=csum(b); return b[:2]+struct.pack('!H',c2)+b[4:]
A=[10,0,0,1]; B=[10,0,0,2]; C=[192,168,1,1]
inner_udp=ip4(B,[10,9,9,9],17,udp(40000,33434,b'x'*12),ttl=1)
inner_tcp=ip4(B,[10,9,9,9],6,struct.pack('!HHIIBBHHH',1234,80,1,0,0x50,2,1000,0,0))
cases=[]
def add(name,frame,flags):
    cases.append((name,frame,flags))
# ICMP
add('icmp-echo',eth(0x800,ip4(A,B,1,icmp(8,0,struct.pack('!HH',77,3),b'abcdefgh'))),'-v')
add('icmp-echo-bad',eth(0x800,ip4(A,B,1,(lambda p: p[:2]+b'\x12\x34'+p[4:])(icmp(0,0,struct.pack('!HH',77,3),b'abcdefgh')))),'-v')
add('icmp-port-unreach',eth(0x800,ip4(C,B,1,icmp(3,3,b'\0'*4,inner_udp[:28]))),'-v')
add('icmp-port-unreach-tcp',eth(0x800,ip4(C,B,1,icmp(3,3,b'\0'*4,inner_tcp[:28]))),'')
add('icmp-proto-unreach',eth(0x800,ip4(C,B,1,icmp(3,2,b'\0'*4,inner_udp[:28]))),'')
add('icmp-needfrag',eth(0x800,ip4(C,B,1,icmp(3,4,struct.pack('!HH',0,1400),inner_udp[:28]))),'')
add('icmp-unreach-13',eth(0x800,ip4(C,B,1,icmp(3,13,b'\0'*4,inner_udp[:28]))),'')
add('icmp-unreach-99',eth(0x800,ip4(C,B,1,icmp(3,99,b'\0'*4,inner_udp[:28]))),'')
add('icmp-redirect',eth(0x800,ip4(C,B,1,icmp(5,1,bytes([10,0,0,254]),inner_udp[:28]))),'-v')
add('icmp-redirect-9',eth(0x800,ip4(C,B,1,icmp(5,9,bytes([10,0,0,254]),inner_udp[:28]))),'')
add('icmp-timxceed',eth(0x800,ip4(C,B,1,icmp(11,0,b'\0'*4,inner_udp[:28]))),'-v')
add('icmp-timxceed-5',eth(0x800,ip4(C,B,1,icmp(11,5,b'\0'*4,inner_udp[:28]))),'')
add('icmp-paramprob',eth(0x800,ip4(C,B,1,icmp(12,0,bytes([20,0,0,0]),inner_udp[:28]))),'')
add('icmp-paramprob-code',eth(0x800,ip4(C,B,1,icmp(12,2,bytes([20,0,0,0]),inner_udp[:28]))),'')
add('icmp-tstamp',eth(0x800,ip4(A,B,1,icmp(13,0,struct.pack('!HH',5,6),struct.pack('!III',1,0,0)))),'')
add('icmp-tstampreply',eth(0x800,ip4(A,B,1,icmp(14,0,struct.pack('!HH',5,6),struct.pack('!III',45296789,3600000,86399999)))),'')
add('icmp-maskreply',eth(0x800,ip4(A,B,1,icmp(18,0,struct.pack('!HH',5,6),struct.pack('!I',0xffffff00)))),'')
add('icmp-routeradv',eth(0x800,ip4(A,B,1,icmp(9,0,struct.pack('!BBH',2,2,1800),struct.pack('!4sI4sI',bytes(A),0,bytes(C),7)))),'')
add('icmp-routeradv-long',eth(0x800,ip4(A,B,1,icmp(9,0,struct.pack('!BBH',1,2,7322),struct.pack('!4sI',bytes(A),0)))),'')
add('icmp-routeradv-size',eth(0x800,ip4(A,B,1,icmp(9,0,struct.pack('!BBH',1,3,30),struct.pack('!4sI',bytes(A),0)))),'')
add('icmp-other',eth(0x800,ip4(A,B,1,icmp(15,0,b'\0'*4))),'')
add('icmp-trunc',eth(0x800,ip4(A,B,1,icmp(8,0,struct.pack('!HH',77,3),b'abcdefgh'))[:20+5]),'')
# ICMP with MPLS extension (RFC 4950)
orig=inner_udp[:28]+b'\0'*(128-28)
obj=struct.pack('!HBB',8,1,1)+struct.pack('!I',(16<<12)|(0<<9)|(1<<8)|1)
ext=struct.pack('!BBH',0x20,0,0)+obj
ext=ext[:2]+struct.pack('!H',csum(ext))+ext[4:]
add('icmp-mpls-ext',eth(0x800,ip4(C,B,1,icmp(11,0,struct.pack('!BBH',0,32,0),orig+ext))),'-v')
# IGMP
def igmp(t,code,grp,extra=b''):
    b=struct.pack('!BBH4s',t,code,0,bytes(grp))+extra
    return b[:2]+struct.pack('!H',csum(b))+b[4:]
G=[239,1,2,3]
add('igmp-v1q',eth(0x800,ip4(A,[224,0,0,1],2,igmp(0x11,0,[0,0,0,0]))),'-v')
add('igmp-v2q',eth(0x800,ip4(A,[224,0,0,1],2,igmp(0x11,50,G))),'')
add('igmp-leave',eth(0x800,ip4(A,[224,0,0,2],2,igmp(0x17,0,G))),'')
add('igmp-v3q',eth(0x800,ip4(A,[224,0,0,1],2,igmp(0x11,130,G,struct.pack('!BBH4s4s',2,125,2,bytes(A),bytes(B))))),'-vv')
add('igmp-v3q-v',eth(0x800,ip4(A,[224,0,0,1],2,igmp(0x11,10,G,struct.pack('!BBH4s4s',2,125,2,bytes(A),bytes(B))))),'')
rec=struct.pack('!BBH4s4s',4,0,1,bytes(G),bytes(A))+struct.pack('!BBH4s',1,0,0,bytes([239,9,9,9]))
add('igmp-v3r',eth(0x800,ip4(A,[224,0,0,22],2,(lambda b: b[:2]+struct.pack('!H',csum(b))+b[4:])(struct.pack('!BBHHH',0x22,0,0,0,2)+rec))),'-vv')
add('igmp-v3r-v',eth(0x800,ip4(A,[224,0,0,22],2,(lambda b: b[:2]+struct.pack('!H',csum(b))+b[4:])(struct.pack('!BBHHH',0x22,0,0,0,2)+rec))),'-v')
add('igmp-badsum',eth(0x800,ip4(A,[224,0,0,22],2,struct.pack('!BBH4s',0x16,0,0x1234,bytes(G)))),'-v')
add('igmp-mtrace',eth(0x800,ip4(A,[224,0,0,22],2,struct.pack('!BBH4s4s4s4sB3s',0x1f,0,0,bytes(G),bytes(A),bytes(B),bytes([224,1,1,1]),5,b'\x00\x00\x07'))),'')
add('igmp-unknown',eth(0x800,ip4(A,[224,0,0,22],2,igmp(0x33,0,G))),'')
# ARP
def arp(op,hrd=1,pro=0x800,hln=6,pln=4,sha=b'\x00\x0a\x0b\x0c\x0d\x0e',spa=bytes(A),tha=b'\0'*6,tpa=bytes(B)):
    return struct.pack('!HHBBH',hrd,pro,hln,pln,op)+sha+spa+tha+tpa
add('arp-req',eth(0x806,arp(1)),'')
add('arp-req-v',eth(0x806,arp(1,tha=b'\x01\x02\x03\x04\x05\x06')),'-v')
add('arp-reply-e',eth(0x806,arp(2)),'-e')
add('rarp-req',eth(0x8035,arp(3)),'')
add('rarp-reply',eth(0x8035,arp(4)),'')
add('inarp-req',eth(0x806,arp(8)),'')
add('inarp-reply',eth(0x806,arp(9)),'')
add('arp-unknown-op',eth(0x806,arp(77)),'')
add('arp-badproto',eth(0x806,arp(1,pro=0x86dd)),'')
add('arp-hln0',eth(0x806,arp(2,hln=0,sha=b'',tha=b'')),'')
add('arp-trunc',eth(0x806,arp(1))[:14+20],'')
# GRE
add('gre-ip',eth(0x800,ip4(A,B,47,struct.pack('!HH',0,0x800)+inner_udp)),'')
add('gre-key-seq-v',eth(0x800,ip4(A,B,47,struct.pack('!HHII',0x3000,0x800,42,7)+inner_udp)),'-v')
add('gre-csum-e',eth(0x800,ip4(A,B,47,struct.pack('!HHHH',0x8000,0x800,0xabcd,0)+inner_udp)),'-v -e')
add('gre-unknown',eth(0x800,ip4(A,B,47,struct.pack('!HH',0,0x1234)+b'zzzz')),'')
add('gre-teb',eth(0x800,ip4(A,B,47,struct.pack('!HH',0,0x6558)+eth(0x806,arp(1)))),'')
add('gre-v1',eth(0x800,ip4(A,B,47,struct.pack('!HHIII',0x3081,0x9999,0x00040007,9,8)+b'\xff\x03\xc0\x21')),'-v')
add('gre-v1-nopayload',eth(0x800,ip4(A,B,47,struct.pack('!HHI',0x2001,0x880b,0x00040007))),'')
add('gre-v2',eth(0x800,ip4(A,B,47,struct.pack('!HH',0x0002,0x800))),'')
add('gre-route-ip',eth(0x800,ip4(A,B,47,struct.pack('!HHHH',0x4000,0x800,0,0)+struct.pack('!HBB',0x800,4,8)+bytes(A)+bytes(B)+struct.pack('!HBB',0,0,0)+inner_udp)),'-v')
add('gre-trunc',eth(0x800,ip4(A,B,47,struct.pack('!HHI',0x2000,0x800,5))[:20+6]),'')
# MPLS
add('mpls-ip',eth(0x8847,struct.pack('!II',(100<<12)|0x40,(200<<12)|(5<<9)|0x100|63)+inner_udp),'-v')
add('mpls-explicit-null',eth(0x8847,struct.pack('!I',(0<<12)|0x100|64)+inner_udp),'')
add('mpls-unknown',eth(0x8847,struct.pack('!I',(1000<<12)|0x100|64)+b'\x99'*10),'')
add('mpls-udp',eth(0x800,ip4(A,B,17,udp(1000,6635,struct.pack('!I',(16<<12)|0x100|9)+inner_udp))),'')
# VXLAN / OTV / GPE / NSH
add('vxlan',eth(0x800,ip4(A,B,17,udp(1000,4789,struct.pack('!II',0x08000000,0x00006400)+eth(0x806,arp(1))))),'-e')
add('otv',eth(0x800,ip4(A,B,17,udp(1000,8472,struct.pack('!II',0x08000005,0x00006400)+eth(0x806,arp(1))))),'')
nshpkt=struct.pack('!II',(0<<30)|(6<<16)|(1<<8)|1,(0x000309<<8)|7)+struct.pack('!IIII',1,2,3,4)+inner_udp
add('nsh-eth',eth(0x894f,nshpkt),'-vvv')
add('vxlan-gpe',eth(0x800,ip4(A,B,17,udp(1000,4790,struct.pack('!II',0x0c000004,0x00000500)+nshpkt))),'-vv')
# LLC / STP
def llc8023(payload,dst=b'\x01\x80\xc2\x00\x00\x00'):
    return dst+b'\x00\x0a\x0b\x0c\x0d\x0e'+struct.pack('!H',len(payload))+payload
bpdu=struct.pack('!HBBB8sI8sHHHHH',0,0,0,0x81,bytes.fromhex('8001000a0b0c0d0e'),4,bytes.fromhex('8002000a0b0c0d0f'),0x8005,256,20*256,2*256,15*256)
add('stp-config',llc8023(b'\x42\x42\x03'+bpdu),'-v')
add('stp-config-e',llc8023(b'\x42\x42\x03'+bpdu),'-e')
rstp=struct.pack('!HBBB8sI8sHHHHHB',0,2,2,0x3c,bytes.fromhex('8001000a0b0c0d0e'),4,bytes.fromhex('8002000a0b0c0d0f'),0x8005,0,20*256,2*256,15*256,0)
add('rstp',llc8023(b'\x42\x42\x03'+rstp),'-v')
add('stp-tcn',llc8023(b'\x42\x42\x03'+struct.pack('!HBB',0,0,0x80)),'')
add('stp-badver',llc8023(b'\x42\x42\x03'+struct.pack('!HBB',1,0,0)),'')
add('llc-ui-unknown',llc8023(b'\x10\x10\x03hello'),'')
add('llc-xid',llc8023(b'\x10\x11\xaf\x81\x01\x02'),'')
add('llc-xid-e',llc8023(b'\x10\x11\xbf\x81\x01\x02'),'-e')
add('llc-i',llc8023(b'\x44\x10\x00\x34abcd'),'')
add('llc-s',llc8023(b'\x44\x11\x01\x35abcd'),'')
add('snap-ip',llc8023(b'\xaa\xaa\x03\x00\x00\x00\x08\x00'+inner_udp),'')
add('snap-ip-e',llc8023(b'\xaa\xaa\x03\x00\x00\x00\x08\x00'+inner_udp),'-e')
add('snap-unknown',llc8023(b'\xaa\xaa\x03\x00\x00\x0c\x01\x99zzzz'),'')
add('snap-pvst',llc8023(b'\xaa\xaa\x03\x00\x00\x0c\x01\x0b'+bpdu),'')
add('llc-ip',llc8023(b'\x06\x06\x03'+inner_udp),'')
# frames from tcpdump's own test captures (first packets of each)
CORPUS=os.environ.get('TCPDUMP_PCAPS','/work/shared/conformance/tcpdump/pcaps')
def from_pcap(fn, n, flags):
    path=os.path.join(CORPUS,fn)
    if not os.path.exists(path):
        return
    d=open(path,'rb').read()
    assert struct.unpack('<I',d[:4])[0]==0xa1b2c3d4 and struct.unpack('<I',d[20:24])[0]==1, fn
    off=24
    for i in range(n):
        if off+16>len(d): break
        _,_,incl,orig=struct.unpack('<IIII',d[off:off+16])
        frame=d[off+16:off+16+incl]
        off+=16+incl
        if incl==orig:
            add('%s-%d'%(fn.rsplit('.',1)[0],i+1),frame,flags)
from_pcap('MSTP_Intra-Region_BPDUs.pcap',2,'-v')
from_pcap('spb_bpduv4.pcap',1,'-v')
from_pcap('802.1w_rapid_STP.pcap',1,'-v')
from_pcap('igmpv3-queries.pcap',2,'-v')
from_pcap('mpls-over-udp.pcap',1,'-v')
from_pcap('QinQpacket.pcap',1,'-e')
from_pcap('802.1ad_QinQ.pcap',2,'-e')
# ATM ARP, Frame Relay and odd hardware
atmarp=struct.pack('!HHBBHBBBB',19,0x800,0x40|4,2,1,4,3,0,4)+b'\x11\x22\x33\x44'+b'\x55\x66'+bytes(A)+b'\x77\x88\x99'+bytes(B)
add('atmarp-req',eth(0x806,atmarp),'')
add('atmarp-req-v',eth(0x806,atmarp),'-v')
add('arp-arcnet',eth(0x806,arp(1,hrd=7,hln=1,sha=b'\x42',tha=b'\x00')),'')
add('arp-ieee1394',eth(0x806,arp(2,hrd=24,hln=16,sha=bytes(range(16)),tha=b'\0'*16)),'-v')
add('icmp-mpls-ext-nolen',eth(0x800,ip4(C,B,1,icmp(11,0,struct.pack('!BBH',0,0,0),orig+ext))),'-v')
add('icmp-mpls-ext-v0',eth(0x800,ip4(C,B,1,icmp(3,1,struct.pack('!BBH',0,32,0),orig+b'\x00\x00\x00\x00'+obj))),'-v')
add('gre-asn-route',eth(0x800,ip4(A,B,47,struct.pack('!HHHH',0x4000,0x800,0,2)+struct.pack('!HBB',0xfffe,2,6)+struct.pack('!HHH',100,200,300)+struct.pack('!HBB',0,0,0)+inner_udp)),'-v')
add('gre-key-e',eth(0x800,ip4(A,B,47,struct.pack('!HHI',0x2000,0x86dd,0x1234)+b'\x60'+b'\0'*39)),'-e')
add('snap-bridged-eth',llc8023(b'\xaa\xaa\x03\x00\x80\xc2\x00\x07\x00\x00'+eth(0x806,arp(1))),'')
add('loopback-reply',eth(0x9000,struct.pack('<HHH',0,1,3)+b'\0'*40),'')
add('loopback-fwd',eth(0x9000,struct.pack('<HH',0,2)+b'\xaa\x00\x04\x00\x1d\x04'+struct.pack('<HH',8,1)+b'\0'*30),'')
add('vxlan-noflag',eth(0x800,ip4(A,B,17,udp(1000,4789,struct.pack('!II',0x01000000,0x00006400)+eth(0x806,arp(1))))),'')
add('otv-noflag',eth(0x800,ip4(A,B,17,udp(1000,8472,struct.pack('!II',0x00000005,0x00006400)+eth(0x806,arp(1))))),'')
for L in (0, 3, 4, 27):
    q=bytearray(inner_udp[:28]); q[2:4]=struct.pack('!H',L)
    add('icmp-quote-len%d'%L,eth(0x800,ip4(C,B,1,icmp(3,3,b'\0'*4,bytes(q)))),'-v')
add('vxlan-gpe-flags',eth(0x800,ip4(A,B,17,udp(1000,4790,struct.pack('!II',0x03000001,0x00000500)+inner_udp))),'')
for i, sha in enumerate([b'\x18\x41', b'\x18\x40\x01', b'\x18\x40\x00\x01', b'\x19\x41', b'\x18\x40\x00\x00', b'\x18']):
    add('arp-framerelay-%d'%i,eth(0x806,arp(3,hrd=15,hln=len(sha),sha=sha,tha=sha)),'')
# write pcaps and run tcpdump
out=[]
for name,frame,flags in cases:
    fn=os.path.join(tmpdir,'%s.pcap'%name)
    with open(fn,'wb') as f:
        f.write(struct.pack('<IHHiIII',0xa1b2c3d4,2,4,0,0,65535,1))
        f.write(struct.pack('<IIII',1,0,len(frame),len(frame)))
        f.write(frame)
    args=['tcpdump','-t','-n','-r',fn]+flags.split()
    r=subprocess.run(args,capture_output=True,env={'TZ':'GMT0','PATH':'/usr/sbin:/usr/bin:/sbin:/bin'})
    text=r.stdout.decode('latin1')
    assert text.endswith('\n'), (name,text)
    out.append((name,frame.hex(),flags,text[:-1]))
def goq(s):
    return '"'+s.replace('\\','\\\\').replace('"','\\"').replace('\t','\\t').replace('\n','\\n')+'"'
with open(sys.argv[1],'w') as f:
    f.write('// Code generated by testdata/gen_coreproto_cases.py, which wrote each\n// frame to a pcap and ran "tcpdump -t -n -r FILE FLAGS" (tcpdump 4.99.3);\n// DO NOT EDIT.\n\npackage dissect\n\nvar coreProtoCases = []struct {\n\tname, frame, flags, want string\n}{\n')
    for name,hx,flags,text in out:
        f.write('\t{%s, %s, %s, %s},\n'%(goq(name),goq(hx),goq(flags),goq(text)))
    f.write('}\n')
print(len(out))
